package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.activities.plan.PlanReader;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.starter.demo.DemoProject;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.TestRepos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole path on real parts: the braid launcher, the Temporal dev server it starts, a git
 * repository with a bare origin, and the scripted agent in real subprocesses.
 */
@Tag("e2e")
class ExecuteEndToEndIT extends EndToEndTest {
  private Path demoWithOrigin() throws IOException, InterruptedException {
    Path origin = TestRepos.bareOrigin(tmp);
    repo = DemoProject.create(tmp.resolve("repo"), BraidProcess.HOME);
    TestRepos.pushToOrigin(repo, origin);
    return origin;
  }

  @Test
  void detachedRunIsPickedUpBySecondExecuteAndMergedIntoMain() throws Exception {
    Path origin = demoWithOrigin();
    String initial = Git.run(repo, "rev-parse", "HEAD");

    BraidProcess.Result detached = BraidProcess.run(repo, "execute", "--detach", "--json");
    assertEquals(0, detached.exitCode(), detached.toString());
    JsonNode started = JSON.readTree(detached.out());
    String runId = started.get("runId").asText();

    BraidProcess.Result attached = BraidProcess.run(repo, "execute", "--json");
    assertEquals(0, attached.exitCode(), attached.toString());
    JsonNode run = JSON.readTree(attached.out());

    // The second execute followed the same run instead of starting another.
    assertEquals(runId, run.get("runId").asText());
    assertEquals("done", run.get("status").asText(), attached.toString());
    if (started.get("startedAtMillis").asLong() > 0) {
      assertEquals(started.get("startedAtMillis").asLong(), run.get("startedAtMillis").asLong());
    }
    assertTrue(run.get("webUi").asText().startsWith("http://127.0.0.1:"), run.toString());

    Plan plan = new PlanReader().read(repo.resolve(DemoProject.PLAN_DIR)).plan();
    assertTrue(plan.tasks().size() >= 5, "the demo plan has five or more tasks");
    Map<String, JsonNode> tasks = new HashMap<>();
    run.get("tasks").forEach(t -> tasks.put(t.get("id").asText(), t));
    assertEquals(plan.tasks().size(), tasks.size());

    for (PlanTask task : plan.tasks()) {
      JsonNode t = tasks.get(task.id());
      assertEquals("completed", t.get("status").asText(), t.toString());
      assertEquals("feature/" + task.id(), t.get("branch").asText());
      String head = t.get("headCommit").asText();
      assertEquals(head, Git.run(repo, "rev-parse", "feature/" + task.id()));
      // Each branch is merged into main, and was pushed to origin.
      Git.run(repo, "merge-base", "--is-ancestor", head, "main");
      assertEquals(head, Git.run(origin, "rev-parse", "feature/" + task.id()));
      assertTrue(
          Git.run(repo, "log", "-1", "--format=%B", head)
              .strip()
              .endsWith("Implements: " + task.id()));
      // A dependent started only after each of its dependencies had finished.
      for (String dep : task.dependencies()) {
        assertTrue(
            t.get("startedAtMillis").asLong() >= tasks.get(dep).get("finishedAtMillis").asLong(),
            task.id() + " started before its dependency " + dep + " finished");
      }
      // The task file's status mirrors the run.
      String file =
          Files.readString(
              plan.task(task.id()).map(p -> Path.of(plan.dir()).resolve(p.file())).orElseThrow());
      assertTrue(file.contains("\nstatus: completed"), file);
    }
    // One task of the demo fails its first attempt, so the retry is visible.
    assertTrue(
        tasks.values().stream().anyMatch(t -> t.get("attempts").asInt() > 1), run.toString());

    // Merged with --no-ff: one merge commit per task on main, and main was pushed.
    List<String> merges =
        List.of(Git.run(repo, "log", "--merges", "--format=%s", initial + "..main").split("\n"));
    assertEquals(plan.tasks().size(), merges.size(), merges.toString());
    assertEquals(Git.run(repo, "rev-parse", "main"), Git.run(origin, "rev-parse", "main"));
    assertEquals(run.get("merge").get("targetHead").asText(), Git.run(repo, "rev-parse", "main"));

    // The checks pass on the merged main, run here independently of braid.
    Process checks =
        new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "tests", "-q")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    String checkOutput = new String(checks.getInputStream().readAllBytes());
    assertEquals(0, checks.waitFor(), checkOutput);

    // A new shell later finds the run where it ended.
    BraidProcess.Result status = BraidProcess.run(repo, "status", "--json");
    assertEquals(0, status.exitCode(), status.toString());
    assertEquals("done", JSON.readTree(status.out()).get("status").asText());

    // The report splits the spend by tier, read from the task workflows' histories: the task
    // that escalated has its attempts on each tier, and each tier its total.
    JsonNode reportJson =
        JSON.readTree(repo.resolve(".parallel/reports/" + runId + "/latest.json").toFile());
    assertEquals(
        List.of("fast", "strong"),
        reportJson.get("tiers").findValuesAsText("tier"),
        reportJson.get("tiers").toString());
    for (JsonNode t : reportJson.get("tasks")) {
      if (t.get("tiers").toString().contains("strong")) {
        JsonNode split = t.get("usageByTier");
        assertEquals(List.of("fast", "strong"), split.findValuesAsText("tier"), t.toString());
        assertEquals(
            t.get("attempts").asInt(),
            split.get(0).get("attempts").asInt() + split.get(1).get("attempts").asInt(),
            t.toString());
      }
    }

    // Executing the finished plan again starts nothing and points at the run's report.
    String temporalRunId = started.get("temporalRunId").asText();
    Path report = repo.resolve(".parallel/reports/" + runId + "/" + temporalRunId + ".md");
    String reportBefore = Files.readString(report);
    BraidProcess.Result again = BraidProcess.run(repo, "execute", "--json");
    assertEquals(0, again.exitCode(), again.toString());
    JsonNode done = JSON.readTree(again.out());
    assertTrue(done.get("alreadyDone").asBoolean(), again.toString());
    assertEquals(temporalRunId, done.get("temporalRunId").asText());
    assertEquals(report.toString(), done.get("report").asText());
    assertEquals(reportBefore, Files.readString(report), "the run's report is kept as it was");
    assertEquals(
        Git.run(repo, "rev-parse", "main"),
        run.get("merge").get("targetHead").asText(),
        "nothing ran again");

    // --rerun starts a new Temporal run of the same id, with a report of its own.
    BraidProcess.Result rerun = BraidProcess.run(repo, "execute", "--rerun", "--json");
    assertEquals(0, rerun.exitCode(), rerun.toString());
    JsonNode second = JSON.readTree(rerun.out());
    assertEquals(runId, second.get("runId").asText());
    assertNotEquals(temporalRunId, second.get("temporalRunId").asText(), rerun.toString());
    Path secondReport = report.resolveSibling(second.get("temporalRunId").asText() + ".md");
    assertTrue(Files.exists(secondReport), rerun.toString());
    assertEquals(reportBefore, Files.readString(report), "the first run's report is kept");
    assertEquals(
        Files.readString(secondReport), Files.readString(report.resolveSibling("latest.md")));
  }
}
