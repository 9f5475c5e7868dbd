package dev.braid.activities.plan;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the paths under a task file's {@code Files to Touch} and {@code Potential Conflicts}
 * headings, as people write them: at any heading level, with or without an emoji, in list items
 * grouped under labels such as {@code **Create:**}, {@code **Modify:**} and {@code **Delete:**} (or
 * deeper headings), as inline code or plain text, with annotations after the path.
 *
 * <p>Only list items are read: prose such as "None - creates new file" names no path. Items under a
 * label that starts with "Read" are left out, since reading a file cannot make a merge conflict.
 * Paths outside the repository ({@code ~/...}, absolute, URLs) are left out for the same reason.
 * Fenced code blocks are skipped, so a {@code #} comment in one is never taken for a heading.
 */
final class DeclaredFilesParser {
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
  private static final Pattern LIST_ITEM =
      Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(?:\\[[ xX]\\]\\s+)?(.*)$");

  /** A label line, {@code **Create:**} or {@code Modify:}, that groups the items after it. */
  private static final Pattern LABEL =
      Pattern.compile(
          "^\\s*(?:\\*\\*|__)?([A-Za-z][A-Za-z /-]*?)\\s*(?::\\s*(?:\\*\\*|__)?|(?:\\*\\*|__)\\s*:)\\s*$");

  /** A label at the start of an item: {@code - **Create:** src/a.ts} or {@code - Modify: x}. */
  private static final Pattern ITEM_LABEL =
      Pattern.compile("^(?:\\*\\*|__)?([A-Za-z][A-Za-z /-]*?)\\s*:\\s*(?:\\*\\*|__)?\\s*(.*)$");

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private DeclaredFilesParser() {}

  static DeclaredFiles parse(String markdown) {
    boolean declared = false;
    int sectionLevel = 0; // 0: outside both sections
    boolean reading = false; // under a "Read" label: not touched
    boolean fenced = false;
    Set<String> paths = new LinkedHashSet<>();
    for (String line : markdown.split("\\R", -1)) {
      if (FENCE.matcher(line).find()) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        int level = heading.group(1).length();
        String title = words(heading.group(2));
        if (isSection(title)) {
          declared = true;
          sectionLevel = level;
          reading = false;
        } else if (sectionLevel > 0 && level <= sectionLevel) {
          sectionLevel = 0;
        } else if (sectionLevel > 0) {
          reading = isRead(title);
        }
        continue;
      }
      if (sectionLevel == 0) {
        continue;
      }
      Matcher item = LIST_ITEM.matcher(line);
      if (item.matches()) {
        String text = item.group(1).trim();
        Matcher itemLabel = ITEM_LABEL.matcher(text);
        boolean readItem = reading;
        if (!text.startsWith("`") && itemLabel.matches() && !itemLabel.group(2).isEmpty()) {
          readItem = isRead(words(itemLabel.group(1)));
          text = itemLabel.group(2);
        }
        if (!readItem) {
          addPaths(text, paths);
        }
        continue;
      }
      Matcher label = LABEL.matcher(line);
      if (label.matches()) {
        reading = isRead(words(label.group(1)));
      }
    }
    return new DeclaredFiles(declared, paths.stream().toList());
  }

  /**
   * The item's first inline code span, else its first word: the rest is annotation, which may hold
   * code spans of its own ({@code - `a.py` - add `parse()`}).
   */
  private static void addPaths(String text, Set<String> paths) {
    Matcher code = CODE.matcher(text);
    if (code.find()) {
      addPath(code.group(1), true, paths);
    } else {
      String first = text.split("\\s+", 2)[0];
      addPath(first.replaceAll("^[*_\"']+|[*_\"',;:.]+$", ""), false, paths);
    }
  }

  /** Plain text must look like a path ("None" does not); inline code is taken at its word. */
  private static void addPath(String candidate, boolean code, Set<String> paths) {
    String path = candidate.trim();
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    boolean looksLikePath = code || path.contains("/") || path.contains(".") || path.contains("*");
    boolean outsideRepository =
        path.startsWith("~")
            || path.startsWith("/")
            || path.contains("://")
            || path.equals("..")
            || path.startsWith("../")
            || path.contains("/../");
    if (!path.isEmpty() && looksLikePath && !outsideRepository && !path.contains(" ")) {
      paths.add(path);
    }
  }

  private static boolean isSection(String title) {
    return title.startsWith("files to touch") || title.startsWith("potential conflicts");
  }

  private static boolean isRead(String label) {
    return label.startsWith("read");
  }

  /**
   * The text in lower case without emoji, punctuation or markup: "📁 Files to Touch" is the same.
   */
  private static String words(String text) {
    return text.replaceAll("[^\\p{L}\\p{N} ]", " ")
        .trim()
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }
}
