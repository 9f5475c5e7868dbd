package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.git.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code braid report} and {@code braid cleanup} as commands: they are registered, documented, and
 * refuse bad input before connecting to anything. The report's figures are tested in {@code
 * dev.braid.starter.report}; a report of a real run is part of the end-to-end tests.
 */
class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void bothCommandsAreListedInTheHelp() {
    CliHarness.Result r = CliHarness.run("--help");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("report"), r.out());
    assertTrue(r.out().contains("cleanup"), r.out());
  }

  @Test
  void reportHelpSaysWhereTheFilesGo() {
    CliHarness.Result r = CliHarness.run("report", "--help");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains(".parallel/reports/<run>/<temporal run id>.json"), r.out());
    assertTrue(r.out().contains("latest.md"), r.out());
    assertTrue(r.out().contains("--json"), r.out());
    assertTrue(r.out().contains("[RUN[:RUNID]]"), r.out());
  }

  @Test
  void outsideARepositoryIsBadUsage() {
    CliHarness.Result r = CliHarness.run("report", "--repo", dir.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("not a git repository"), r.err());
  }

  @Test
  void anInvalidPlanIsBadUsageWithEveryProblem() throws IOException {
    new GitCli(dir).run("init", "--quiet", "-b", "main");
    Path plan = dir.resolve(".parallel/plans");
    Files.createDirectories(plan);
    Files.writeString(
        plan.resolve("plan.yaml"),
        "metadata: {name: x}\ntasks:\n  - {id: a, name: A, file: tasks/missing.md}\n");

    CliHarness.Result r = CliHarness.run("report", "--repo", dir.toString());

    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("tasks/missing.md does not exist"), r.err());
  }
}
