package dev.braid.activities.plan;

/**
 * A YAML text that cannot be read, with the place in the file where reading stopped, so that the
 * problem can point a user to the line.
 */
public final class YamlSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String reason;
  private final int openedLine;

  /**
   * Describes where and why reading stopped.
   *
   * @param line the 1-based line in the file, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param reason what is wrong, as a sentence fragment
   */
  public YamlSyntaxException(int line, int column, String reason) {
    this(line, column, reason, 0);
  }

  /**
   * Describes where and why reading stopped, and where the construct it was reading began.
   *
   * @param openedLine the 1-based line where the construct being read began (an unclosed {@code [}
   *     or quote, say), when it is another than {@code line}; else 0
   */
  public YamlSyntaxException(int line, int column, String reason, int openedLine) {
    super(describe(line, column, reason));
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.openedLine = openedLine == line ? 0 : openedLine;
  }

  /** The 1-based line in the file, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The 1-based column, or 0 when unknown. */
  public int column() {
    return column;
  }

  /**
   * The 1-based line where the construct being read began, when it is another than {@link #line()}
   * (the parser notices an unclosed {@code [} only lines later); else 0.
   */
  public int openedLine() {
    return openedLine;
  }

  /** What is wrong, without the place. */
  public String reason() {
    return reason;
  }

  /** The same problem with its line moved down, for YAML that starts further down a file. */
  YamlSyntaxException shiftedBy(int lines) {
    return line == 0
        ? this
        : new YamlSyntaxException(
            line + lines, column, reason, openedLine == 0 ? 0 : openedLine + lines);
  }

  private static String describe(int line, int column, String reason) {
    if (line == 0) {
      return reason;
    }
    return "line " + line + (column == 0 ? "" : ", column " + column) + ": " + reason;
  }
}
