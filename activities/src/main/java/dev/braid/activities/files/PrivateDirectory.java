package dev.braid.activities.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A folder only its owner may enter (0700), for what may hold secrets: agents' and checks' logs
 * ({@code .parallel/logs}). A folder that exists already is narrowed, so a repository used by an
 * older braid is fixed too. Files inside keep the process's umask, but nobody else can reach them.
 */
public final class PrivateDirectory {
  /** The folder every log of a repository is under. */
  public static final String LOGS = ".parallel/logs";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private PrivateDirectory() {}

  /** {@code <repo>/.parallel/logs}, created or narrowed to 0700. */
  public static Path logs(Path repo) {
    return ensure(repo.resolve(LOGS));
  }

  /** The folder, created (with its parents) and narrowed to 0700. */
  public static Path ensure(Path dir) {
    try {
      Files.createDirectories(dir);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
          && !Files.getPosixFilePermissions(dir).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(dir, OWNER_ONLY);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the private folder " + dir, e);
    }
  }
}
