package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.BraidApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code braid worker}'s options, refused before anything connects when they cannot work. */
class WorkerCommandTest {
  @Test
  void helpNamesTheObservabilityOptionsAndTheirDefaults() {
    Ran help = run("worker", "--help");
    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().contains("--metrics-port=N"), help.out());
    assertTrue(help.out().contains("Default: 127.0.0.1"), help.out());
    assertTrue(help.out().contains("--max-agents=N"), help.out());
    assertTrue(help.out().contains("Default: 120"), help.out());
    assertTrue(help.out().contains("OTEL_EXPORTER_OTLP_ENDPOINT"), help.out());
  }

  @Test
  void aLimitOfNoAgentsIsBadUsage() {
    Ran ran = run("worker", "--max-agents", "0");
    assertEquals(2, ran.code(), ran.err());
    assertTrue(ran.err().contains("--max-agents must be at least 1, not 0"), ran.err());
  }

  @Test
  void aPortOutOfRangeIsBadUsage() {
    Ran ran = run("worker", "--metrics-port", "70000");
    assertEquals(2, ran.code(), ran.err());
    assertTrue(ran.err().contains("--metrics-port must be a port"), ran.err());
  }

  @Test
  void aNegativeDrainIsBadUsage() {
    Ran ran = run("worker", "--drain-seconds", "-1");
    assertEquals(2, ran.code(), ran.err());
    assertTrue(ran.err().contains("--drain-seconds must not be negative"), ran.err());
  }

  private record Ran(int code, String out, String err) {}

  private static Ran run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      code = BraidApplication.run(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Ran(
        code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }
}
