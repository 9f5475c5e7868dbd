package dev.braid.activities.agent;

import dev.braid.activities.git.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Recognises the conflict markers git writes into a file it could not merge. */
final class ConflictMarkers {
  private static final Pattern MARKER = Pattern.compile("(?m)^(<{7} |>{7} |={7}$)");

  private ConflictMarkers() {}

  static boolean present(String text) {
    return MARKER.matcher(text).find();
  }

  /**
   * The files git still calls unmerged in the worktree that hold markers. Git calls a path unmerged
   * until it is staged; what matters is whether markers remain.
   */
  static List<String> leftIn(GitCli git, Path worktree) throws IOException {
    String unmerged = git.run("diff", "--name-only", "--diff-filter=U");
    List<String> marked = new ArrayList<>();
    if (unmerged.isBlank()) {
      return marked;
    }
    for (String path : unmerged.split("\n")) {
      Path file = worktree.resolve(path);
      if (Files.isRegularFile(file) && present(Files.readString(file))) {
        marked.add(path);
      }
    }
    return marked;
  }
}
