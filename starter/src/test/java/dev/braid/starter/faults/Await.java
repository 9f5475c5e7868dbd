package dev.braid.starter.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Waits, with a deadline, for something a test can observe from outside the processes it runs. */
final class Await {
  private static final long POLL_MILLIS = 100;

  private Await() {}

  /** Polls {@code probe} until it gives a value; fails, naming {@code what}, at the deadline. */
  static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Polls until {@code condition} holds. */
  static void until(String what, Duration timeout, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    until(what, timeout, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
  }

  /** Waits for a file to exist. */
  static Path file(Path file, Duration timeout) throws InterruptedException {
    until(file.toString(), timeout, () -> Files.exists(file));
    return file;
  }

  /** Waits for a file under {@code dir} whose path, relative to it, matches a glob. */
  static Path glob(Path dir, String glob, Duration timeout) throws InterruptedException {
    var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
    return until(
        glob + " under " + dir,
        timeout,
        () -> {
          if (!Files.isDirectory(dir)) {
            return Optional.empty();
          }
          try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> matcher.matches(dir.relativize(p))).findFirst();
          } catch (IOException | java.io.UncheckedIOException e) {
            // A file being renamed or removed while the tree is walked; the next poll sees it.
            return Optional.empty();
          }
        });
  }

  /** Waits for a file to hold a piece of text. */
  static void text(Path file, String text, Duration timeout) throws InterruptedException {
    until(
        "'" + text + "' in " + file,
        timeout,
        () -> {
          try {
            return Files.exists(file) && Files.readString(file).contains(text);
          } catch (IOException e) {
            return false;
          }
        });
  }
}
