package dev.braid.activities.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the main checkout's untracked environment files (such as {@code .env}, which a fresh
 * worktree lacks because git never had it) into a task's worktree, and keeps them out of every
 * commit: each is listed, anchored, in the repository's {@code info/exclude}, which all worktrees
 * share, so {@code git add -A} never picks it up and nothing tracked changes.
 *
 * <p>Idempotent: a file already in the worktree is left as it is (the agent may have changed it),
 * and the exclude entries are added once.
 */
final class EnvFiles {
  private static final Logger log = LoggerFactory.getLogger(EnvFiles.class);

  private EnvFiles() {}

  /**
   * Copies each file that exists in the main checkout, is untracked there, and is not yet in the
   * worktree. A tracked file is never copied: the worktree has it from git already, and a copy of
   * the checkout's edited version would be committed as the task's work.
   *
   * @return the paths copied
   */
  static List<String> copy(GitCli main, Path worktree, List<String> paths) {
    if (paths.isEmpty()) {
      return List.of();
    }
    ExcludeFile.ensure(main.commonDir(), paths.stream().map(p -> "/" + p).toList());
    List<String> copied = new ArrayList<>();
    for (String path : paths) {
      Path source = main.dir().resolve(path);
      Path target = worktree.resolve(path);
      if (!Files.isRegularFile(source)
          || Files.exists(target, LinkOption.NOFOLLOW_LINKS)
          || tracked(main, path)) {
        continue;
      }
      try {
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
      }
      copied.add(path);
    }
    if (!copied.isEmpty()) {
      log.info("Copied {} into {}", copied, worktree);
    }
    return copied;
  }

  private static boolean tracked(GitCli main, String path) {
    return !main.run("ls-files", "--", path).isBlank();
  }
}
