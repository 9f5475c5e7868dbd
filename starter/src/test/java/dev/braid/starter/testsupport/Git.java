package dev.braid.starter.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Plain git calls for building a repository and checking what a run did to it. */
public final class Git {
  private Git() {}

  /** Runs {@code git -C dir args...}, fails the test when git fails, and returns its output. */
  public static String run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
    argv.addAll(List.of(args));
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), "git " + String.join(" ", args) + ": " + output);
    return output.trim();
  }
}
