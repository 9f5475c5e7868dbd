package dev.braid.activities.plan;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads YAML from plan files into plain maps, lists and scalars only. Plans come from anyone, so
 * {@link SafeConstructor} keeps YAML tags from building arbitrary Java types, and duplicate keys
 * are refused rather than silently letting the last one win. Aliases, nesting and size are bounded
 * ({@link InputLimits}), so a hostile file cannot exhaust the stack or the heap.
 */
public final class SafeYaml {

  private SafeYaml() {}

  /**
   * The single YAML document in this text: a {@code Map}, {@code List}, scalar, or null when the
   * text is empty.
   *
   * @throws YamlSyntaxException with the 1-based line and column where reading stopped
   */
  public static Object load(String text) throws YamlSyntaxException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(InputLimits.MAX_YAML_ALIASES);
    options.setNestingDepthLimit(InputLimits.MAX_YAML_DEPTH);
    options.setCodePointLimit(InputLimits.MAX_FILE_BYTES);
    try {
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String reason = e.getProblem() != null ? e.getProblem() : e.getContext();
      if (mark == null) {
        throw new YamlSyntaxException(0, 0, reason);
      }
      // SnakeYAML notices an unclosed '[' or quote where the text stops making sense, often lines
      // later; the context mark is where it opened.
      Mark opened = e.getContextMark();
      throw new YamlSyntaxException(
          mark.getLine() + 1,
          mark.getColumn() + 1,
          reason,
          opened == null ? 0 : opened.getLine() + 1);
    } catch (YAMLException e) {
      throw new YamlSyntaxException(0, 0, e.getMessage());
    } catch (StackOverflowError e) {
      // A structure that refers to itself can still recurse deeply when it is built.
      throw new YamlSyntaxException(0, 0, "nests too deeply (a recursive alias?)");
    }
  }
}
