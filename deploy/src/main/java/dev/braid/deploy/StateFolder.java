package dev.braid.deploy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The dev server's state folder ({@code .parallel/temporal/}). Its database holds every workflow's
 * history and its log the server's output, so only the owner may enter it (0700); a folder an older
 * braid created is narrowed too.
 */
final class StateFolder {

  private StateFolder() {}

  /** The folder, absolute, created and narrowed to 0700. */
  static Path prepare(Path stateDir) {
    Path dir = stateDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (IOException e) {
      throw new DevServerException("cannot create the dev server's state folder " + dir, e);
    }
    return dir;
  }
}
