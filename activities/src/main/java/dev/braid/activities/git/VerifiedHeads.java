package dev.braid.activities.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The merged results whose checks passed, recorded in the repository's git directory with the
 * commands that checked them: a commit passed these checks, not any others a later run may set. The
 * merge queue consults it so that a step retried after a crash knows whether its result was
 * checked, and the final verification so that it does not check again what the queue just did.
 */
final class VerifiedHeads {
  private final Path file;
  private final String checks;

  /**
   * @param setup the setup commands that ran before the checks
   * @param checks the checks
   */
  VerifiedHeads(Path commonGitDir, List<List<String>> setup, List<List<String>> checks) {
    this.file = commonGitDir.resolve("braid").resolve("verified-heads");
    this.checks = key(setup, checks);
  }

  /** A short, stable name for the commands: a digest of their argv lists. */
  private static String key(List<List<String>> setup, List<List<String>> checks) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((setup + "\n" + checks).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  boolean contains(String commit) {
    try {
      return Files.exists(file)
          && Files.readAllLines(file, StandardCharsets.UTF_8).contains(commit + " " + checks);
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
          commit + " " + checks + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
