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
    Map<String, JsonNode> tasks = checkRun(r, result, attempts, false);
    // Kept for inspection, as a run without cleanup keeps them: each task's worktree and branch,
    // and the run's integration branch. Nothing else: no second worktree of a retried setup, no
    // integration worktree of an interrupted merge, no stray branch.
    String runId = result.json().get("runId").asText();
    List<String> expectedTrees = new ArrayList<>(List.of(r.repo.toString()));
    r.taskIds.forEach(id -> expectedTrees.add(r.repo.resolve("worktrees/" + id).toString()));
    assertEquals(sorted(expectedTrees), worktrees(r), "worktrees after the run");
    List<String> expectedBranches = new ArrayList<>(List.of("main", "braid/" + runId));
    r.taskIds.forEach(id -> expectedBranches.add("feature/" + id));
    assertEquals(sorted(expectedBranches), branches(r.repo), "branches after the run");
    return tasks;
  }

  /**
   * Checks a run with {@code cleanup: true}: as {@link #check}, and then nothing of the run is left
   * but main: no worktree, no branch, locally or on {@code origin}.
   */
  static Map<String, JsonNode> checkCleanedUp(
      FaultRepo r, Braid.Result result, Map<String, Integer> attempts) throws Exception {
    Map<String, JsonNode> tasks = checkRun(r, result, attempts, true);
    assertEquals(List.of(r.repo.toString()), worktrees(r), "worktrees after the cleanup");
    assertEquals(List.of("main"), branches(r.repo), "branches after the cleanup");
    assertEquals(List.of("main"), branches(r.origin), "branches on origin after the cleanup");
    return tasks;
  }

  /**
   * Checks a run in {@code pr} mode, which opens pull requests and leaves the target alone: every
   * task completed once, its branch pushed at its head, the task files true, main untouched locally
   * and on {@code origin}, the run's integration branch holding every task's work, and nothing left
   * running. The pull requests themselves are the fake GitHub's to check.
   */
  static Map<String, JsonNode> checkOpenedForReview(
      FaultRepo r, Braid.Result result, Map<String, Integer> attempts) throws Exception {
    Map<String, JsonNode> tasks = checkTasks(r, result, attempts);
    String integration = "braid/" + result.json().get("runId").asText();
    for (String id : r.taskIds) {
      String head = tasks.get(id).get("headCommit").asText();
      assertEquals(head, Git.run(r.repo, "rev-parse", "feature/" + id), id);
      assertEquals(head, Git.run(r.origin, "rev-parse", "feature/" + id), id + " is pushed");
      Git.run(r.repo, "merge-base", "--is-ancestor", head, integration);
    }
    assertEquals(r.initialCommit, Git.run(r.repo, "rev-parse", "main"), "main is left alone");
    assertEquals(r.initialCommit, Git.run(r.origin, "rev-parse", "main"), "origin's main too");
    assertNothingLeft(r);
    return tasks;
  }

  private static Map<String, JsonNode> checkRun(
      FaultRepo r, Braid.Result result, Map<String, Integer> attempts, boolean cleanedUp)
      throws Exception {
    Map<String, JsonNode> tasks = checkTasks(r, result, attempts);
    JsonNode run = result.json();
    for (String id : r.taskIds) {
      String head = tasks.get(id).get("headCommit").asText();
      if (!cleanedUp) {
        assertEquals(head, Git.run(r.repo, "rev-parse", "feature/" + id), id);
      }
      Git.run(r.repo, "merge-base", "--is-ancestor", head, "main");
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

  /** The run is done, and every task of the plan completed, is listed once, and says so. */
  private static Map<String, JsonNode> checkTasks(
      FaultRepo r, Braid.Result result, Map<String, Integer> attempts) throws Exception {
    assertEquals(0, result.exitCode(), result.toString());
    JsonNode run = result.json();
    assertEquals("done", run.get("status").asText(), result.toString());
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
      // The mirror in the plan's files is true.
      String file = Files.readString(r.taskFile(id));
      assertTrue(file.contains("\nstatus: completed\n"), id + ": " + file);
    }
    return tasks;
  }

  /** The paths of the repository's worktrees, main's included, sorted; none may be prunable. */
  private static List<String> worktrees(FaultRepo r) throws Exception {
    String porcelain = Git.run(r.repo, "worktree", "list", "--porcelain");
    assertFalse(
        porcelain.contains("\nprunable"), "a worktree record without its folder:\n" + porcelain);
    return sorted(
        porcelain
            .lines()
            .filter(line -> line.startsWith("worktree "))
            .map(line -> line.substring("worktree ".length()))
            .toList());
  }

  private static List<String> branches(Path repo) throws Exception {
    return sorted(
        Git.run(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads").lines().toList());
  }

  private static List<String> sorted(List<String> list) {
    return list.stream().sorted().toList();
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
