package dev.braid.starter.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the task sections of a plan message. A section runs from its {@code ### Task N: Name}
 * heading to the next task heading; the last one to the end of the message, or to a {@code
 * References} heading (where Contextune's own extraction stops too). Headings of any level inside a
 * section belong to the task, since task Markdown has its own ({@code ## Objective}, ...).
 *
 * <p>The frontmatter is the first thing after the heading, blank lines aside: a ```yaml block (or
 * an untagged one), or a {@code ---} block as task files have it. A YAML block further down is the
 * task's own text (an example, say), never taken for its frontmatter.
 */
final class TaskSectionReader {
  private static final Pattern REFERENCES = Pattern.compile("(?i)^[^A-Za-z]*references\\b.*");

  private TaskSectionReader() {}

  static List<TaskSection> read(MarkdownLines md, List<ExtractionProblem> problems) {
    List<TaskHeading> headings = new ArrayList<>();
    for (int i = 0; i < md.size(); i++) {
      md.heading(i).flatMap(TaskHeadings::parse).ifPresent(headings::add);
    }
    List<TaskSection> sections = new ArrayList<>();
    for (int n = 0; n < headings.size(); n++) {
      int k = n;
      int end =
          k + 1 < headings.size()
              ? headings.get(k + 1).heading().line()
              : lastEnd(md, headings.get(k));
      sections.add(
          section(md, headings.get(k), end, problems)
              .orElseGet(() -> TaskSection.broken(headings.get(k))));
    }
    return sections;
  }

  private static int lastEnd(MarkdownLines md, TaskHeading heading) {
    for (int i = heading.heading().line() + 1; i < md.size(); i++) {
      Optional<MarkdownHeading> h = md.heading(i);
      if (h.isPresent() && h.get().level() <= 2 && REFERENCES.matcher(h.get().text()).matches()) {
        return i;
      }
    }
    return md.size();
  }

  private static Optional<TaskSection> section(
      MarkdownLines md, TaskHeading heading, int end, List<ExtractionProblem> problems) {
    int first = heading.heading().line() + 1;
    while (first < end && md.isBlank(first)) {
      first++;
    }
    String what = "the frontmatter of " + heading.where();
    Optional<MarkdownFence> fence = first < end ? md.fence(first) : Optional.empty();
    if (fence.isPresent() && fence.get().yamlLike()) {
      MarkdownFence f = fence.get();
      if (!f.closed() || f.close() >= end) {
        problems.add(
            new ExtractionProblem(
                f.open() + 1,
                "the ```yaml block opened here for "
                    + what
                    + " is never closed (expected a ``` line before the next task)"));
        return Optional.empty();
      }
      String yaml = md.text(f.open() + 1, f.close());
      Optional<Map<?, ?>> fields = YamlBlock.mapping(yaml, f.open() + 1, what, problems);
      if (fields.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(withFrontmatter(md, heading, fields.get(), yaml, f.close() + 1, end));
    }
    if (first < end && md.line(first).strip().equals("---")) {
      Optional<TaskSection> dashed = dashedFrontmatter(md, heading, first, end);
      if (dashed.isPresent()) {
        return dashed;
      }
    }
    String found =
        first >= end ? "the section is empty" : "found '" + shorten(md.line(first).strip()) + "'";
    return Optional.of(
        new TaskSection(
            heading,
            heading.fallbackId(),
            null,
            first >= end ? heading.heading().line() + 1 : first + 1,
            found,
            body(md, first, end),
            false));
  }

  /** A {@code ---} frontmatter block, as in task files; a lone rule is no frontmatter. */
  private static Optional<TaskSection> dashedFrontmatter(
      MarkdownLines md, TaskHeading heading, int open, int end) {
    for (int close = open + 1; close < end; close++) {
      if (md.line(close).strip().equals("---")) {
        String yaml = md.text(open + 1, close);
        int bodyFrom = close + 1;
        // Not YAML, or not a mapping: the '---' was a rule, and what follows is the task's text.
        List<ExtractionProblem> notFrontmatter = new ArrayList<>();
        Optional<Map<?, ?>> fields = YamlBlock.mapping(yaml, open + 1, "", notFrontmatter);
        return fields.map(f -> withFrontmatter(md, heading, f, yaml, bodyFrom, end));
      }
    }
    return Optional.empty();
  }

  private static TaskSection withFrontmatter(
      MarkdownLines md, TaskHeading heading, Map<?, ?> fields, String yaml, int from, int end) {
    Object id = fields.get("id");
    String taskId =
        id == null || String.valueOf(id).isBlank() ? heading.fallbackId() : String.valueOf(id);
    return new TaskSection(heading, taskId, yaml, 0, null, body(md, from, end), false);
  }

  /** The lines' text without the blank lines and {@code ---} rules around it. */
  private static String body(MarkdownLines md, int from, int to) {
    int start = from;
    int stop = to;
    while (start < stop && md.isBlank(start)) {
      start++;
    }
    while (stop > start && (md.isBlank(stop - 1) || md.line(stop - 1).strip().equals("---"))) {
      stop--;
    }
    return start < stop ? md.text(start, stop) : "";
  }

  private static String shorten(String line) {
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }
}
