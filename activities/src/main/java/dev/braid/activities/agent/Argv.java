package dev.braid.activities.agent;

import java.util.List;
import java.util.regex.Pattern;

/** Shows an argv list to a human the way they would type it in a shell. */
final class Argv {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private Argv() {}

  /** The argv joined by spaces, with single quotes around the elements that need them. */
  static String display(List<String> argv) {
    StringBuilder sb = new StringBuilder();
    for (String arg : argv) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return sb.toString();
  }
}
