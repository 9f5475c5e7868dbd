package dev.braid.activities.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The merged results whose checks passed, recorded in the repository's git directory. The merge
 * queue consults it so that a step retried after a crash knows whether its result was checked.
 */
final class VerifiedHeads {
  private final Path file;

  VerifiedHeads(Path commonGitDir) {
    this.file = commonGitDir.resolve("braid").resolve("verified-heads");
  }

  boolean contains(String commit) {
    try {
      return Files.exists(file)
          && Files.readAllLines(file, StandardCharsets.UTF_8).contains(commit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Records a commit; recording one twice is harmless. */
  void add(String commit) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          commit + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
