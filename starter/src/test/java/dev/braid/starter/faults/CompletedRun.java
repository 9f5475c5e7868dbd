package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.testsupport.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What must hold after a run that survived faults ended: it is done, every task completed once and
 * was merged once, the task files say so, main holds all the work and passes the checks, and no
 * process of the run is left.
 */
final class CompletedRun {
  private CompletedRun() {}

  /**
   * Checks the run's final JSON document against the repository.
   *
   * @param attempts the attempts each task must show; a task not listed is not checked for it
   * @return the tasks of the document, by id
   */
  static Map<String, JsonNode> check(
      FaultRepo r, Braid.Result result, Map<String, Integer> attempts) throws Exception {
    assertEquals(0, result.exitCode(), result.toString());
    JsonNode run = result.json();
    assertEquals("done", run.get("status").asText(), result.toString());

    // Every task of the plan completed, and is listed once.
    Map<String, JsonNode> tasks = new java.util.HashMap<>();
    List<String> listed = new ArrayList<>();
    run.get("tasks").forEach(t -> listed.add(t.get("id").asText()));
    run.get("tasks").forEach(t -> tasks.put(t.get("id").asText(), t));
    assertEquals(
        r.taskIds.stream().sorted().toList(), listed.stream().sorted().toList(), run.toString());
    for (String id : r.taskIds) {
      JsonNode task = tasks.get(id);
      assertEquals("completed", task.get("status").asText(), task.toString());
      if (attempts.containsKey(id)) {
        assertEquals(attempts.get(id).intValue(), task.get("attempts").asInt(), task.toString());
      }
      String head = task.get("headCommit").asText();
      assertEquals(head, Git.run(r.repo, "rev-parse", "feature/" + id), id);
      Git.run(r.repo, "merge-base", "--is-ancestor", head, "main");
      // The mirror in the plan's files is true.
      String file = Files.readString(r.taskFile(id));
      assertTrue(file.contains("\nstatus: completed\n"), id + ": " + file);
      // The work the agent wrote is on main.
      assertEquals("work of " + id + "\n", Files.readString(r.repo.resolve("out/" + id + ".txt")));
    }

    // main: one merge commit per task along its first parents, none twice, nothing else.
    List<String> firstParents =
        List.of(
            Git.run(r.repo, "log", "--first-parent", "--format=%s", r.initialCommit + "..main")
                .split("\n"));
    for (String id : r.taskIds) {
      assertEquals(
          1,
          Collections.frequency(firstParents, "Merge feature/" + id + " (braid)"),
          "merges of " + id + " on main: " + firstParents);
    }
    assertEquals(r.taskIds.size(), firstParents.size(), firstParents.toString());
    assertEquals(Git.run(r.repo, "rev-parse", "main"), run.get("merge").get("targetHead").asText());
    assertEquals(Git.run(r.repo, "rev-parse", "main"), Git.run(r.origin, "rev-parse", "main"));
    assertFalse(Files.exists(r.repo.resolve(".git/MERGE_HEAD")), "main is left mid-merge");

    // The checks pass on main, run here independently of braid.
    FaultRepo.ProcessResult checks = r.checkMain();
    assertEquals(0, checks.exitCode(), checks.output());

    assertNothingLeft(r);
    return tasks;
  }

  /**
   * No process works in the run's worktrees any more: no agent, check or setup, nor a child of one,
   * and no process that was held at a gate. A killed tree's processes need a moment to go.
   */
  static void assertNothingLeft(FaultRepo r) throws Exception {
    Path worktrees = r.repo.resolve("worktrees");
    try {
      Await.until(
          "no process left in " + worktrees,
          Duration.ofSeconds(15),
          () -> Processes.workingUnder(worktrees).isEmpty());
    } catch (AssertionError e) {
      throw new AssertionError(
          "processes left in the worktrees:\n"
              + Processes.describe(Processes.workingUnder(worktrees)),
          e);
    }
    for (long pid : r.heldPids()) {
      assertFalse(Processes.running(pid), "process " + pid + " held at a gate still runs");
    }
  }
}
