package dev.braid.starter.cli;

import dev.braid.activities.secrets.SecretMask;
import java.io.IOException;
import java.io.Writer;

/**
 * What the CLI prints passes through here, line by line: secret values are masked, and control
 * characters are shown escaped ({@code \x1b}), so that a plan's name or a task's output cannot move
 * the cursor, rewrite a line or print a fake {@code OK:}. Text is held until a line ends or the
 * writer is flushed, so a secret written in two pieces is still masked whole.
 */
final class SafeTerminalWriter extends Writer {
  private final Writer target;
  private final SecretMask mask;
  private final StringBuilder pending = new StringBuilder();

  SafeTerminalWriter(Writer target, SecretMask mask) {
    this.target = target;
    this.mask = mask;
  }

  @Override
  public synchronized void write(char[] chars, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      pending.append(chars[i]);
      if (chars[i] == '\n') {
        emit();
      }
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    emit();
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
    target.close();
  }

  private void emit() throws IOException {
    if (pending.length() > 0) {
      target.write(escape(mask.mask(pending.toString())));
      pending.setLength(0);
    }
  }

  /** The text with every control or direction-changing character but newline and tab escaped. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
      boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
      if (control) {
        sb.append(String.format("\\x%02x", (int) c));
      } else if (bidi) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
