package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A run whose final verification fails ends failed in Temporal itself, and executing the plan again
 * neither claims it done nor overwrites the first run's report. The checks pass in the task's
 * worktree and on the merge queue's first merge, and fail on every later run in the integration
 * worktree: the verification of the whole, and any merge a new run attempts.
 */
@Tag("e2e")
class FailedVerificationIT extends EndToEndTest {
  /** The plan lives outside the default places, so only the run knows where it is. */
  private static final String PLAN = "work/plan";

  private static final String CHECK =
      """
      import pathlib, sys
      marks = pathlib.Path(sys.argv[1])
      if pathlib.Path.cwd().name.startswith(".integration"):
          earlier = len(list(marks.glob("integration-*")))
          (marks / f"integration-{earlier}").touch()
          if earlier >= 1:
              sys.exit("check.py: the merged whole is refused")
      """;

  @Test
  void aFailedVerificationEndsFailedInTemporalAndARetryIsNotReportedDone() throws Exception {
    Path marks = Files.createDirectories(tmp.resolve("marks"));
    Path check = Files.writeString(tmp.resolve("check.py"), CHECK);
    repo = plan(check, marks);
    String initial = Git.run(repo, "rev-parse", "main");

    BraidProcess.Result first = BraidProcess.run(repo, "execute", "--plan", PLAN, "--json");
    assertEquals(1, first.exitCode(), first.toString());
    JsonNode run = JSON.readTree(first.out());
    assertEquals("failed", run.get("status").asText(), first.toString());
    assertFalse(run.get("merge").get("checksPassed").asBoolean(), first.toString());
    String runId = run.get("runId").asText();
    String firstRun = run.get("temporalRunId").asText();
    assertEquals(initial, Git.run(repo, "rev-parse", "main"), "the target did not move");

    String described =
        temporal(repo, "workflow", "describe", "--workflow-id", runId, "--run-id", firstRun);
    // The execution's own status, the line "Status   FAILED" under Results: the memo's JSON says
    // "phase":"FAILED" even of a run that Temporal recorded as completed, so the word alone
    // anywhere in the output proves nothing.
    java.util.regex.Matcher statusLine =
        java.util.regex.Pattern.compile("(?m)^\\s*Status\\s+(\\S+)\\s*$").matcher(described);
    assertTrue(statusLine.find(), "no Status line in: " + described);
    assertEquals("FAILED", statusLine.group(1), described);

    Path reports = repo.resolve(".parallel/reports/" + runId);
    Path firstReport = reports.resolve(firstRun + ".md");
    String firstText = Files.readString(firstReport);

    BraidProcess.Result again = BraidProcess.run(repo, "execute", "--plan", PLAN);
    assertNotEquals(0, again.exitCode(), again.toString());
    assertTrue(
        again.out().contains("(Temporal run " + firstRun + ") ended failed; a new run continues"),
        again.out());
    assertFalse(again.out().contains("done: all tasks completed and merged"), again.out());
    assertEquals(firstText, Files.readString(firstReport), "the first run's report is kept");
    try (var files = Files.list(reports)) {
      long runs = files.filter(f -> f.toString().endsWith(".md")).count();
      assertEquals(3, runs, "two runs' reports and latest.md");
    }
    assertNotEquals(firstText, Files.readString(reports.resolve("latest.md")));

    // The first run stays readable by its Temporal run id, as it ended.
    BraidProcess.Result status = BraidProcess.run(repo, "status", runId + ":" + firstRun);
    assertEquals(1, status.exitCode(), status.toString());
    assertTrue(status.out().contains("(Temporal run " + firstRun + ", plan: "), status.out());

    // The plan is not in the default place; the run's own input says where it is.
    BraidProcess.Result report = BraidProcess.run(repo, "report", runId + ":" + firstRun);
    assertEquals(1, report.exitCode(), report.toString());
    assertTrue(report.out().contains("critical path"), report.out());
    assertFalse(report.out().contains("critical path unknown"), report.out());
    assertEquals(
        firstText, Files.readString(firstReport), "the same run's report, rewritten alike");
    BraidProcess.Result cleanup = BraidProcess.run(repo, "cleanup", runId);
    assertEquals(0, cleanup.exitCode(), cleanup.toString());
    assertTrue(cleanup.out().contains("Cleanup of run " + runId), cleanup.out());
    assertTrue(cleanup.out().contains("kept"), "the unmerged work is kept: " + cleanup.out());
  }

  private Path plan(Path check, Path marks) throws Exception {
    Path origin = TestRepos.bareOrigin(tmp);
    Path dir = TestRepos.init(tmp.resolve("repo"), "e2e");
    Files.writeString(
        dir.resolve("braid.yaml"),
        """
        agent:
          tiers:
            - {name: fast, command: [%s], attempts: 1, timeout: 2m}
        checks: [[python3, %s, %s]]
        """
            .formatted(ScriptedAgent.COMMAND, check, marks));
    Path tasks = Files.createDirectories(dir.resolve(PLAN).resolve("tasks"));
    Files.writeString(
        dir.resolve(PLAN).resolve("plan.yaml"),
        """
        metadata: {name: refused whole}
        tasks:
          - {id: only, name: Only, file: tasks/only.md, priority: high}
        """);
    ScriptedAgent.writeTask(tasks, "only", "only", "{\"files\": {\"out/only.txt\": \"only\\n\"}}");
    TestRepos.commitAll(dir, "a plan whose merged whole is refused");
    TestRepos.pushToOrigin(dir, origin);
    return dir;
  }

  /** Runs the pinned Temporal CLI against the repository's dev server. */
  private static String temporal(Path repo, String... args) throws Exception {
    JsonNode server = JSON.readTree(repo.resolve(".parallel/temporal/server.json").toFile());
    var argv = new java.util.ArrayList<String>();
    argv.add(BraidProcess.HOME.resolve(".tools/temporal/bin/temporal").toString());
    argv.addAll(java.util.List.of(args));
    argv.addAll(java.util.List.of("--address", "127.0.0.1:" + server.get("port").asInt()));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), output);
    return output;
  }
}
