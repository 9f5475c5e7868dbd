package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.IntegrationStart;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.SyncRequest;
import dev.braid.activity.SyncResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge queue's git steps on real repositories: integrate, sync, abort, start. */
class MergeQueueActivitiesTest {
  @TempDir Path dir;
  private TestRepo repo;
  private GitActivitiesImpl git;
  private String integration;

  @BeforeEach
  void setUp() {
    repo = TestRepo.create(dir);
    git = repo.gitActivities();
    integration = git.startIntegration(new IntegrationStart(repo.repo.toString(), "run1", "main"));
  }

  private MergeRequest request(List<String> branches, List<List<String>> checks) {
    return new MergeRequest(
        "run1", repo.repo.toString(), "main", branches, List.of(), checks, "origin");
  }

  private PreparedWorktree task(String id) {
    return repo.worktrees()
        .prepare(new PrepareRequest(repo.repo.toString(), id, integration, List.of()));
  }

  @Test
  void startIntegrationIsIdempotentAndKeepsMergedWork() {
    assertEquals("braid/run1", integration);
    assertEquals(repo.rev("main"), repo.rev("braid/run1"));
    repo.taskWithFile("a", "a.txt", "a\n");
    git.integrate(request(List.of("feature/a"), List.of()));
    String merged = repo.rev("braid/run1");

    git.startIntegration(new IntegrationStart(repo.repo.toString(), "run1", "main"));

    assertEquals(merged, repo.rev("braid/run1"));
  }

  @Test
  void integrateMergesChecksAndLeavesTheTargetAlone() {
    String main = repo.rev("main");
    repo.taskWithFile("a", "a.txt", "a\n");

    MergeResult result =
        git.integrate(request(List.of("feature/a"), List.of(List.of("test", "-f", "a.txt"))));

    assertTrue(result.checksPassed());
    assertEquals(List.of("feature/a"), result.merged());
    assertEquals(repo.rev("braid/run1"), result.targetHead());
    assertEquals(main, repo.rev("main"), "the target does not move in the queue");
    assertEquals(1, repo.mergeCount("braid/run1"));
  }

  @Test
  void stepsShareOneIntegrationWorktreeThatTheRunsFinishRemoves() throws Exception {
    Path worktree = repo.repo.resolve("worktrees/.integration-run1");
    repo.taskWithFile("a", "a.txt", "a\n");
    repo.taskWithFile("b", "b.txt", "b\n");
    // The check leaves a file behind, as a build does; the next step must not merge on top of it.
    List<List<String>> leavesOutput = List.of(List.of("sh", "-c", "echo out > left.txt"));

    git.integrate(request(List.of("feature/a"), leavesOutput));
    assertTrue(Files.exists(worktree.resolve("a.txt")), "the step kept its worktree");
    MergeResult second = git.integrate(request(List.of("feature/b"), List.of()));

    assertTrue(second.checksPassed());
    assertEquals(repo.rev("braid/run1"), TestRepo.gitIn(worktree, "rev-parse", "HEAD").strip());
    assertFalse(Files.exists(worktree.resolve("left.txt")), "the next step discarded it");
    assertEquals(2, repo.mergeCount("braid/run1"));

    MergeResult finish =
        git.merge(
            new MergeRequest(
                "run1", repo.repo.toString(), "main", List.of(), List.of(), List.of(), "origin"));
    assertEquals(repo.rev("braid/run1"), finish.targetHead());
    assertFalse(Files.exists(worktree), "the finish removed it");
  }

  @Test
  void dependentTaskStartsFromTheIntegratedWork() {
    repo.taskWithFile("a", "a.txt", "from a\n");
    git.integrate(request(List.of("feature/a"), List.of()));

    PreparedWorktree c = task("c");

    assertEquals("from a\n", TestRepo.read(Path.of(c.path()).resolve("a.txt")));
  }

  @Test
  void aBatchMergesEachBranchInTurnLeavesTheConflictingOneOutAndChecksOnce() throws Exception {
    repo.taskWithFile("a", "shared.txt", "from a\n");
    repo.taskWithFile("b", "b.txt", "b\n");
    repo.taskWithFile("c", "shared.txt", "from c\n");
    Path count = dir.resolve("checks-ran");

    MergeResult result =
        git.integrate(
            request(
                List.of("feature/a", "feature/b", "feature/c"),
                List.of(List.of("sh", "-c", "echo x >> " + count))));

    assertTrue(result.checksPassed());
    assertEquals(List.of("feature/a", "feature/b"), result.merged());
    assertEquals(List.of("feature/c"), result.conflicted());
    assertEquals(2, repo.mergeCount("braid/run1"), "one merge commit per task");
    assertEquals("x\n", Files.readString(count), "the checks ran once for the batch");
    assertFalse(repo.anyMergeInProgress());
  }

  @Test
  void aFailingBatchIsBackedOutWhole() {
    repo.taskWithFile("a", "a.txt", "a\n");
    repo.taskWithFile("b", "b.txt", "b\n");
    String before = repo.rev("braid/run1");

    MergeResult result =
        git.integrate(
            request(
                List.of("feature/a", "feature/b"), List.of(List.of("test", "!", "-f", "b.txt"))));

    assertFalse(result.checksPassed());
    assertEquals(List.of(), result.merged());
    assertEquals(before, repo.rev("braid/run1"), "neither task's work stays");
  }

  @Test
  void failingChecksBackTheMergeOut() {
    repo.taskWithFile("a", "a.txt", "a\n");
    String before = repo.rev("braid/run1");

    MergeResult result = git.integrate(request(List.of("feature/a"), List.of(List.of("false"))));

    assertFalse(result.checksPassed());
    assertEquals(List.of(), result.merged());
    assertEquals(before, repo.rev("braid/run1"));
    assertEquals(before, result.targetHead());
    assertFalse(repo.anyMergeInProgress());
  }

  @Test
  void repeatAfterSuccessMakesNoNewCommitAndDoesNotCheckAgain() throws Exception {
    repo.taskWithFile("a", "a.txt", "a\n");
    Path count = dir.resolve("checks-ran");
    List<List<String>> checks = List.of(List.of("sh", "-c", "echo x >> " + count));
    git.integrate(request(List.of("feature/a"), checks));
    String head = repo.rev("braid/run1");

    MergeResult again = git.integrate(request(List.of("feature/a"), checks));

    assertEquals(head, repo.rev("braid/run1"));
    assertEquals(List.of("feature/a"), again.merged());
    assertEquals(1, Files.readAllLines(count).size());
  }

  @Test
  void mergeLeftUncheckedByACrashIsCheckedOnTheRetry() throws Exception {
    repo.taskWithFile("a", "a.txt", "a\n");
    // A crash after the merge and before the checks: the branch holds the merge, nothing verified
    // it.
    Path side = dir.resolve("side");
    repo.git("worktree", "add", "--quiet", side.toString(), "braid/run1");
    TestRepo.gitIn(side, "merge", "--no-ff", "--no-edit", "--quiet", "feature/a");
    repo.git("worktree", "remove", side.toString());
    Path count = dir.resolve("checks-ran");

    MergeResult retry =
        git.integrate(
            request(List.of("feature/a"), List.of(List.of("sh", "-c", "echo x >> " + count))));

    assertTrue(retry.checksPassed());
    assertEquals(1, Files.readAllLines(count).size(), "the checks ran on the unverified merge");
    assertEquals(1, repo.mergeCount("braid/run1"), "and it was not merged twice");
  }

  @Test
  void syncBringsTheIntegrationBranchIntoTheTask() {
    repo.taskWithFile("a", "a.txt", "a\n");
    git.integrate(request(List.of("feature/a"), List.of()));
    PreparedWorktree b = repo.prepare("b");
    repo.commit(Path.of(b.path()), "b.txt", "b\n", "b");

    SyncResult sync = git.syncWithBase(new SyncRequest(b.path(), "braid/run1"));

    assertFalse(sync.conflicted());
    assertTrue(Files.exists(Path.of(b.path()).resolve("a.txt")));
    assertEquals(repo.rev("feature/b"), sync.head());
    assertEquals(
        sync,
        git.syncWithBase(new SyncRequest(b.path(), "braid/run1")),
        "a second sync changes nothing");
  }

  @Test
  void conflictIsLeftForTheResolverAndCanBeAborted() {
    repo.taskWithFile("a", "shared.txt", "from a\n");
    git.integrate(request(List.of("feature/a"), List.of()));
    PreparedWorktree b = repo.prepare("b");
    String head = repo.commit(Path.of(b.path()), "shared.txt", "from b\n", "b");

    SyncResult sync = git.syncWithBase(new SyncRequest(b.path(), "braid/run1"));

    assertEquals(List.of("shared.txt"), sync.conflictingFiles());
    assertEquals(head, sync.head());
    assertEquals(
        sync.conflictingFiles(),
        git.syncWithBase(new SyncRequest(b.path(), "braid/run1")).conflictingFiles());
    assertTrue(TestRepo.read(Path.of(b.path()).resolve("shared.txt")).contains("<<<<<<<"));

    git.abortMerge(b.path());
    git.abortMerge(b.path());

    assertEquals("from b\n", TestRepo.read(Path.of(b.path()).resolve("shared.txt")));
    assertEquals(head, repo.rev("feature/b"));
    assertFalse(repo.anyMergeInProgress());
  }
}
