package dev.braid.activities.plan;

import java.util.List;

/**
 * The paths a task file says its task touches, under {@code Files to Touch} and {@code Potential
 * Conflicts} (see {@link DeclaredFilesParser} for what is read).
 *
 * @param declared whether the task file has either section; a task without them is unknown, and its
 *     overlaps with other tasks cannot be known
 * @param paths the paths and globs, relative to the repository, in the order written, each once
 */
public record DeclaredFiles(boolean declared, List<String> paths) {

  /** What a task file that has neither section declares. */
  public static final DeclaredFiles UNKNOWN = new DeclaredFiles(false, List.of());

  public DeclaredFiles {
    paths = List.copyOf(paths);
  }

  /** Reads the paths from a task file's Markdown (with or without its frontmatter). */
  public static DeclaredFiles of(String markdown) {
    return DeclaredFilesParser.parse(TaskBody.of(markdown));
  }
}
