package dev.braid.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Boots the real application context, as the {@code braid} launcher does, so that a broken {@code
 * application.yml} or logging configuration fails the build instead of the CLI.
 */
class BraidApplicationTest {
  @Test
  void theApplicationStartsAndRunsACommandWithLogsOnStandardError() {
    assertStartsCleanly("--version", "braid ");
  }

  @Test
  void aCommandThatNeedsSpringStartsItsContextCleanly() {
    assertStartsCleanly("worker", "--help", "Runs a braid worker");
  }

  private static void assertStartsCleanly(String... argsThenExpected) {
    String[] args = java.util.Arrays.copyOf(argsThenExpected, argsThenExpected.length - 1);
    String expected = argsThenExpected[argsThenExpected.length - 1];
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      assertEquals(0, BraidApplication.run(args));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String printed = stdout.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith(expected), printed);
    String logs = stderr.toString(StandardCharsets.UTF_8);
    assertTrue(
        !logs.contains("ERROR") && !logs.contains("Exception"),
        "the logging starts cleanly: " + logs);
  }
}
