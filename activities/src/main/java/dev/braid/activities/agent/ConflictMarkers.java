package dev.braid.activities.agent;

import java.util.regex.Pattern;

/** Recognises the conflict markers git writes into a file it could not merge. */
final class ConflictMarkers {
  private static final Pattern MARKER = Pattern.compile("(?m)^(<{7} |>{7} |={7}$)");

  private ConflictMarkers() {}

  static boolean present(String text) {
    return MARKER.matcher(text).find();
  }
}
