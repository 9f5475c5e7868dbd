package dev.braid.starter.transcript;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown message split into lines, knowing which lines are inside fenced code blocks, so that a
 * {@code # comment} in a code block is never taken for a heading. Lines are numbered from 0 here;
 * messages to users add 1.
 */
final class MarkdownLines {
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)[ \\t#]*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})[ \\t]*([^`\\s]*).*$");

  private final List<String> lines;
  private final MarkdownFence[] fenceAt;
  private final boolean[] fenced;

  MarkdownLines(String text) {
    this.lines = List.of(text.split("\r?\n", -1));
    this.fenceAt = new MarkdownFence[lines.size()];
    this.fenced = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String marker = open.group(1);
      int close = closingLine(i + 1, marker);
      fenceAt[i] = new MarkdownFence(i, close, open.group(2).toLowerCase(Locale.ROOT));
      int end = close < 0 ? lines.size() - 1 : close;
      for (int j = i; j <= end; j++) {
        fenced[j] = true;
      }
      i = end;
    }
  }

  int size() {
    return lines.size();
  }

  String line(int i) {
    return lines.get(i);
  }

  boolean isBlank(int i) {
    return lines.get(i).isBlank();
  }

  /** The heading on this line, when it is one outside any code block. */
  Optional<MarkdownHeading> heading(int i) {
    if (fenced[i]) {
      return Optional.empty();
    }
    Matcher m = HEADING.matcher(lines.get(i));
    return m.matches()
        ? Optional.of(new MarkdownHeading(i, m.group(1).length(), m.group(2)))
        : Optional.empty();
  }

  /** The fenced code block that opens on this line, if one does. */
  Optional<MarkdownFence> fence(int i) {
    return Optional.ofNullable(fenceAt[i]);
  }

  /** The text of lines {@code from} (inclusive) to {@code to} (exclusive), joined by '\n'. */
  String text(int from, int to) {
    return String.join("\n", lines.subList(from, to));
  }

  private int closingLine(int from, String marker) {
    for (int j = from; j < lines.size(); j++) {
      String trimmed = lines.get(j).strip();
      if (trimmed.length() >= marker.length()
          && trimmed.chars().allMatch(c -> c == marker.charAt(0))) {
        return j;
      }
    }
    return -1;
  }
}
