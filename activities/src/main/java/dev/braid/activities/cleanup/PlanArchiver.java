package dev.braid.activities.cleanup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a finished run's plan to {@code .parallel/archive/<plan dir name>-<date>/}, leaving the
 * plan itself in place. The copy is made in a hidden temporary directory and renamed into place, so
 * an archive that exists is always whole, and an existing one is never overwritten.
 */
final class PlanArchiver {
  private static final Logger log = LoggerFactory.getLogger(PlanArchiver.class);
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** Where archives go, relative to the repository. */
  static final Path ARCHIVE_DIR = Path.of(".parallel", "archive");

  private PlanArchiver() {}

  /**
   * Archives the plan. Idempotent: when the archive exists it is kept as it is and returned.
   *
   * @return the archive, or empty when there is neither an archive nor a plan to make one from
   * @throws IllegalArgumentException when the date is not {@code yyyy-MM-dd}
   */
  static Optional<Path> archive(Path repo, Path planDir, String date) {
    if (date == null || !DATE.matcher(date).matches()) {
      throw new IllegalArgumentException("archive date must be yyyy-MM-dd, not '" + date + "'");
    }
    Path root = repo.resolve(ARCHIVE_DIR);
    Path archive = root.resolve(planDir.getFileName() + "-" + date);
    if (Files.isDirectory(archive)) {
      return Optional.of(archive);
    }
    if (!Files.isDirectory(planDir)) {
      log.warn("No plan at {} to archive", planDir);
      return Optional.empty();
    }
    try {
      Files.createDirectories(root);
      Path partial = Files.createTempDirectory(root, "." + archive.getFileName() + ".");
      try {
        copyTree(planDir, partial, root);
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        log.info("Archived plan {} to {}", planDir, archive);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        // Another cleanup archived it first; its archive is as good as ours.
        log.info("{} was archived meanwhile; keeping that archive", archive);
      } finally {
        deleteTree(partial);
      }
      return Optional.of(archive);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot archive " + planDir + " to " + archive, e);
    }
  }

  /** Copies files and folders without following links, leaving out the archive itself. */
  private static void copyTree(Path from, Path to, Path skip) throws IOException {
    Path skipReal = RealPaths.of(skip);
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        if (RealPaths.of(source).startsWith(skipReal)) {
          continue;
        }
        Path dest = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path path : paths) {
        Files.deleteIfExists(path);
      }
    }
  }
}
