package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.workflow.BlockKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code braid unblock --help} lists every kind of blocked task and the decisions each allows. */
class UnblockHelpTest {
  @Test
  void everyKindIsListedWithItsDecisions() {
    CliHarness.Result r = CliHarness.run("unblock", "--help");

    assertEquals(0, r.exitCode(), r.err());
    for (BlockKind kind : BlockKind.values()) {
      if (kind.isWait()) {
        assertTrue(
            r.out().lines().noneMatch(l -> l.startsWith("  " + kind.label() + " ")),
            "a wait is no decision: " + r.out());
        continue;
      }
      String line =
          Arrays.stream(r.out().split("\\R"))
              .filter(l -> l.startsWith("  " + kind.label() + " "))
              .findFirst()
              .orElseThrow(() -> new AssertionError(kind.label() + " missing from " + r.out()));
      assertTrue(line.contains("retry, skip"), line);
      assertEquals(kind.decisions().size() == 3, line.contains("done"), line);
    }
  }

  @Test
  void guidanceWithoutRetryIsBadUsageBeforeAnyServerIsAsked() {
    CliHarness.Result r =
        CliHarness.run("unblock", "some-run", "some-task", "--skip", "--guidance", "x");

    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("--guidance, --tier and --budget go with --retry only"), r.err());
  }
}
