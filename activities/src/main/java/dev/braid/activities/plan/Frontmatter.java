package dev.braid.activities.plan;

import dev.braid.plan.TaskState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Markdown task file split into its YAML frontmatter and its body.
 *
 * @param fields the frontmatter's top-level keys and values in file order; empty when the file has
 *     no frontmatter. Values may be null.
 * @param body the Markdown after the frontmatter, or the whole file when it has none
 */
public record Frontmatter(Map<String, Object> fields, String body) {

  public Frontmatter {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Splits a task file.
   *
   * @throws YamlSyntaxException when the frontmatter is not valid YAML or not a mapping, with its
   *     line in the file
   */
  public static Frontmatter parse(String text) throws YamlSyntaxException {
    Optional<FrontmatterBlock> found = FrontmatterBlock.find(text);
    if (found.isEmpty()) {
      return new Frontmatter(Map.of(), text.substring(FrontmatterBlock.contentStart(text)));
    }
    FrontmatterBlock block = found.get();
    Object yaml;
    try {
      yaml = SafeYaml.load(text.substring(block.yamlStart(), block.yamlEnd()));
    } catch (YamlSyntaxException e) {
      // The YAML starts on the file's second line, after the opening '---'.
      throw e.shiftedBy(1);
    }
    if (yaml != null && !(yaml instanceof Map<?, ?>)) {
      throw new YamlSyntaxException(2, 1, "the frontmatter is not a mapping of keys to values");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    if (yaml instanceof Map<?, ?> map) {
      map.forEach((key, value) -> fields.put(String.valueOf(key), value));
    }
    return new Frontmatter(fields, text.substring(block.bodyStart()));
  }

  /**
   * The file's text with its frontmatter's {@code status} set, and every other byte kept: comments,
   * key order, quoting and line breaks. It rewrites only the value on the {@code status:} line,
   * adds that line at the end of the frontmatter when it is missing, and adds a frontmatter block
   * when the file has none. It returns the text unchanged when the status is already this one, so
   * that callers can skip the write.
   *
   * @throws IllegalArgumentException when the file's frontmatter cannot be read, or its status
   *     cannot be changed without changing anything else
   */
  public static String withStatus(String text, TaskState state) {
    return FrontmatterStatusWriter.withStatus(text, state);
  }

  /**
   * The body's first level-one heading ({@code # Title}) outside fenced code blocks, which is the
   * task's title when nothing else names it.
   */
  public Optional<String> firstHeading() {
    boolean inFence = false;
    for (String line : body.split("\r?\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        inFence = !inFence;
      } else if (!inFence && line.startsWith("# ")) {
        String heading = line.substring(2).strip();
        if (!heading.isEmpty()) {
          return Optional.of(heading);
        }
      }
    }
    return Optional.empty();
  }
}
