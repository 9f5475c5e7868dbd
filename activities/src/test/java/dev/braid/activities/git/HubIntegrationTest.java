package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.cleanup.RunCleaner;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.CleanupResult;
import dev.braid.activity.IntegrationStart;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.PushRequest;
import dev.braid.activity.SyncRequest;
import dev.braid.activity.SyncResult;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's integration branch lives on origin: two hosts, each with a clone of its own at a
 * different path, share only a bare origin, and a merge step or a new task on either one starts
 * from what the other pushed.
 */
class HubIntegrationTest {
  private static final String RUN = "run1";
  private static final String INTEGRATION = "braid/run1";

  @TempDir Path dir;
  private TestRepo repo;
  private Path hostA;
  private Path hostB;

  @BeforeEach
  void twoHosts() {
    repo = TestRepo.create(dir);
    hostA = repo.repo;
    hostB = dir.resolve("host-b").resolve("checkout");
    TestRepo.gitIn(dir, "clone", "--quiet", repo.origin.toString(), hostB.toString());
    TestRepo.gitIn(hostB, "config", "user.name", "Host B");
    TestRepo.gitIn(hostB, "config", "user.email", "b@example.com");
  }

  private static GitActivitiesImpl git() {
    return new GitActivitiesImpl(new ProcessRunner(), () -> Heartbeat.NONE);
  }

  private static String start(Path host) {
    return git().startIntegration(new IntegrationStart(host.toString(), RUN, "main", "origin"));
  }

  private static MergeRequest step(Path host, List<String> branches, List<List<String>> checks) {
    return new MergeRequest(RUN, host.toString(), "main", branches, List.of(), checks, "origin");
  }

  private static PreparedWorktree prepare(Path host, String taskId) {
    return repo(host)
        .prepare(
            new PrepareRequest(host.toString(), taskId, INTEGRATION, List.of(), null, "origin"));
  }

  private static WorktreeActivitiesImpl repo(Path host) {
    return new WorktreeActivitiesImpl(
        TestRepo.HOST_QUEUE, new ProcessRunner(), () -> Heartbeat.NONE);
  }

  /** Prepares a task on the host, commits a file on its branch and pushes it, as a task does. */
  private String pushedTask(Path host, String taskId, String file) {
    PreparedWorktree task = prepare(host, taskId);
    String head = repo.commit(Path.of(task.path()), file, taskId + "\n", "Task " + taskId);
    assertTrue(git().push(new PushRequest(task.path(), "feature/" + taskId, "origin")));
    return head;
  }

  private static String rev(Path host, String branch) {
    return new GitCli(host).resolve("refs/heads/" + branch).orElse("");
  }

  private Path count() {
    return dir.resolve("checks-ran");
  }

  private List<List<String>> countingChecks() {
    return List.of(List.of("sh", "-c", "echo x >> " + count()));
  }

  private int checksRan() throws Exception {
    return Files.exists(count()) ? Files.readAllLines(count()).size() : 0;
  }

  @Test
  void startIntegrationPushesTheBranchAndARepeatAdoptsTheRemotes() {
    assertEquals(INTEGRATION, start(hostA));
    assertEquals(repo.rev("main"), repo.originRev(INTEGRATION));

    pushedTask(hostA, "a", "a.txt");
    MergeResult merged = git().integrate(step(hostA, List.of("feature/a"), List.of()));
    // The run continues on host B, whose checkout never saw the branch; then host A starts again
    // from a stale branch of its own.
    assertEquals(INTEGRATION, start(hostB));
    TestRepo.gitIn(hostA, "update-ref", "refs/heads/" + INTEGRATION, repo.rev("main"));
    start(hostA);

    assertEquals(merged.targetHead(), repo.originRev(INTEGRATION));
    assertEquals(merged.targetHead(), rev(hostB, INTEGRATION), "B adopted the remote's");
    assertEquals(merged.targetHead(), rev(hostA, INTEGRATION), "A adopted it, not reset it");
  }

  @Test
  void startIntegrationNeverPushesALocalHeadAheadOfTheRemotes() {
    start(hostA);
    // A step that merged and died before its checks: its head was never checked.
    repo.taskWithFile("a", "a.txt", "a\n");
    Path side = dir.resolve("side");
    TestRepo.gitIn(hostA, "worktree", "add", "--quiet", side.toString(), INTEGRATION);
    TestRepo.gitIn(side, "merge", "--no-ff", "--no-edit", "--quiet", "feature/a");
    TestRepo.gitIn(hostA, "worktree", "remove", side.toString());
    String unchecked = rev(hostA, INTEGRATION);

    start(hostA);

    assertEquals(unchecked, rev(hostA, INTEGRATION), "kept for the next step to judge");
    assertEquals(repo.rev("main"), repo.originRev(INTEGRATION), "and not pushed");
  }

  @Test
  void aStepOnHostBMergesWhatHostAPushedAndPushesTheResult() throws Exception {
    start(hostA);
    String a = pushedTask(hostA, "a", "a.txt");

    MergeResult result = git().integrate(step(hostB, List.of("feature/a"), countingChecks()));

    assertTrue(result.checksPassed());
    assertEquals(List.of("feature/a"), result.merged());
    assertEquals(result.targetHead(), repo.originRev(INTEGRATION), "pushed to the hub");
    assertEquals(result.targetHead(), rev(hostB, INTEGRATION));
    assertTrue(new GitCli(hostB).isAncestor(a, result.targetHead()));
    assertEquals(1, checksRan());
    assertEquals(repo.rev("main"), repo.originRev("main"), "the target does not move");

    // A new task prepared on host A starts from what host B merged, though A's branch is older.
    PreparedWorktree c = prepare(hostA, "c");
    assertEquals("a\n", TestRepo.read(Path.of(c.path()).resolve("a.txt")));
    assertEquals(result.targetHead(), c.baseCommit());
  }

  @Test
  void prepareOnHostBStartsFromTheIntegrationHeadMadeOnHostA() {
    start(hostA);
    pushedTask(hostA, "a", "a.txt");
    MergeResult merged = git().integrate(step(hostA, List.of("feature/a"), List.of()));

    PreparedWorktree b = prepare(hostB, "b");

    assertEquals(merged.targetHead(), b.baseCommit());
    assertEquals("a\n", TestRepo.read(Path.of(b.path()).resolve("a.txt")));
    assertEquals(merged.targetHead(), rev(hostB, INTEGRATION), "created at the remote's head");
  }

  @Test
  void prepareStartsFromTheRemotesHeadNotFromUncheckedMergesOfThisCheckout() {
    start(hostA);
    // Host A merged x and died before checking it, while host B merged a and pushed.
    pushedTask(hostA, "a", "a.txt");
    repo.taskWithFile("x", "x.txt", "x\n");
    Path side = dir.resolve("side");
    TestRepo.gitIn(hostA, "worktree", "add", "--quiet", side.toString(), INTEGRATION);
    TestRepo.gitIn(side, "merge", "--no-ff", "--no-edit", "--quiet", "feature/x");
    TestRepo.gitIn(hostA, "worktree", "remove", side.toString());
    String unchecked = rev(hostA, INTEGRATION);
    MergeResult merged = git().integrate(step(hostB, List.of("feature/a"), List.of()));

    PreparedWorktree c = prepare(hostA, "c");

    assertEquals(merged.targetHead(), c.baseCommit());
    assertTrue(Files.exists(Path.of(c.path()).resolve("a.txt")));
    assertFalse(Files.exists(Path.of(c.path()).resolve("x.txt")), "nothing unchecked");
    assertEquals(unchecked, rev(hostA, INTEGRATION), "the local branch was not moved");
  }

  @Test
  void aTaskOnHostASyncsWithWhatHostBMerged() {
    start(hostA);
    PreparedWorktree c = prepare(hostA, "c");
    pushedTask(hostA, "a", "a.txt");
    MergeResult merged = git().integrate(step(hostB, List.of("feature/a"), List.of()));

    SyncResult synced = git().syncWithBase(new SyncRequest(c.path(), INTEGRATION, "origin"));

    assertEquals(List.of(), synced.conflictingFiles());
    assertTrue(new GitCli(hostA).isAncestor(merged.targetHead(), synced.head()));
    assertEquals("a\n", TestRepo.read(Path.of(c.path()).resolve("a.txt")));
    assertEquals(repo.rev("main"), rev(hostA, INTEGRATION), "the local branch was not moved");
  }

  @Test
  void aSecondStepOnTheOtherHostMergesOnTopAndARepeatChangesNothing() throws Exception {
    start(hostA);
    pushedTask(hostA, "a", "a.txt");
    git().integrate(step(hostB, List.of("feature/a"), countingChecks()));
    pushedTask(hostB, "b", "b.txt");

    MergeResult second = git().integrate(step(hostA, List.of("feature/b"), countingChecks()));
    MergeResult again = git().integrate(step(hostA, List.of("feature/b"), countingChecks()));

    assertEquals(second.targetHead(), repo.originRev(INTEGRATION));
    assertEquals(second.targetHead(), again.targetHead(), "the repeat made no new commit");
    assertEquals(List.of("feature/b"), again.merged());
    assertEquals(2, checksRan(), "one check per step, none for the repeat");
    assertEquals("2", new GitCli(repo.origin).run("rev-list", "--merges", "--count", INTEGRATION));
  }

  @Test
  void aStepThatMergedAndCheckedButDiedBeforeItsPushIsCompletedByTheRetry() throws Exception {
    start(hostA);
    pushedTask(hostA, "a", "a.txt");
    MergeRequest request = step(hostA, List.of("feature/a"), countingChecks());
    git().integrate(request);
    String checked = rev(hostA, INTEGRATION);
    // As if the push had never happened: origin still has the start.
    new GitCli(repo.origin).run("update-ref", "refs/heads/" + INTEGRATION, repo.rev("main"));

    MergeResult retry = git().integrate(request);

    assertEquals(checked, retry.targetHead());
    assertEquals(checked, repo.originRev(INTEGRATION), "the retry pushed the checked head");
    assertEquals(1, checksRan(), "and did not check it again");
  }

  @Test
  void aMergeNeverCheckedIsNotPushedButRedoneFromTheRemotes() throws Exception {
    start(hostA);
    pushedTask(hostA, "a", "a.txt");
    // A crash after the merge and before the checks, on host A.
    Path side = dir.resolve("side");
    TestRepo.gitIn(hostA, "worktree", "add", "--quiet", side.toString(), INTEGRATION);
    TestRepo.gitIn(side, "merge", "--no-ff", "--no-edit", "--quiet", "feature/a");
    TestRepo.gitIn(hostA, "worktree", "remove", side.toString());
    List<List<String>> failing = List.of(List.of("false"));

    MergeResult retry = git().integrate(step(hostA, List.of("feature/a"), failing));

    assertFalse(retry.checksPassed());
    assertEquals(repo.rev("main"), rev(hostA, INTEGRATION), "the unchecked merge is gone");
    assertEquals(repo.rev("main"), repo.originRev(INTEGRATION), "and was never pushed");
  }

  @Test
  void aPushRefusedBecauseTheRemoteMovedIsRetryableAndTheRetryMergesOnTop() throws Exception {
    start(hostA);
    pushedTask(hostA, "a", "a.txt");
    pushedTask(hostA, "b", "b.txt");
    // Host B's step merges a and pushes while host A's step of b is checking.
    MergeRequest onA =
        step(
            hostA,
            List.of("feature/b"),
            List.of(
                List.of(
                    "sh",
                    "-c",
                    "test -f "
                        + dir.resolve("b-done")
                        + " || { touch "
                        + dir.resolve("b-done")
                        + " && cd "
                        + hostB
                        + " && git fetch -q origin"
                        + " feature/a:feature/a "
                        + INTEGRATION
                        + ":"
                        + INTEGRATION
                        + " && git branch -q side "
                        + INTEGRATION
                        + " && git checkout -q side && git merge -q --no-ff --no-edit feature/a"
                        + " && git push -q origin side:"
                        + INTEGRATION
                        + "; }")));

    ApplicationFailure refused = assertThrows(ApplicationFailure.class, () -> git().integrate(onA));
    assertEquals(GitFailures.INTEGRATION_MOVED, refused.getType());
    assertFalse(refused.isNonRetryable());
    String theirs = repo.originRev(INTEGRATION);

    MergeResult retry = git().integrate(onA);

    assertTrue(retry.checksPassed());
    assertEquals(retry.targetHead(), repo.originRev(INTEGRATION));
    assertTrue(new GitCli(hostA).isAncestor(theirs, retry.targetHead()), "no force-push");
    assertNotEquals(theirs, retry.targetHead());
  }

  @Test
  void theFinalMergeOnHostBMovesTheTargetToTheRemotesIntegration() {
    start(hostA);
    pushedTask(hostA, "a", "a.txt");
    MergeResult step = git().integrate(step(hostA, List.of("feature/a"), List.of()));

    MergeResult fin = git().merge(step(hostB, List.of("feature/a"), List.of()));

    assertTrue(fin.checksPassed());
    assertTrue(fin.pushed());
    assertEquals(step.targetHead(), fin.targetHead());
    assertEquals(step.targetHead(), repo.originRev("main"));
  }

  @Test
  void cleanupAfterTheFinalMergeDeletesTheRemotesIntegrationBranchOnceAndForAll() {
    start(hostA);
    pushedTask(hostA, "a", "a.txt");
    git().integrate(step(hostA, List.of("feature/a"), List.of()));
    git().merge(step(hostB, List.of("feature/a"), List.of()));
    RunCleaner cleaner = new RunCleaner(new ProcessRunner(), Heartbeat.NONE);
    CleanupRequest request =
        new CleanupRequest(
            hostB.toString(), RUN, null, "main", "origin", List.of("a"), false, "2026-01-01");

    CleanupResult first = cleaner.clean(request);
    CleanupResult again = cleaner.clean(request);

    assertTrue(first.deletedBranches().contains(INTEGRATION), first.toString());
    assertTrue(first.deletedBranches().contains("origin/" + INTEGRATION), first.toString());
    assertEquals("", repo.originRev(INTEGRATION));
    assertEquals("", rev(hostB, INTEGRATION));
    assertEquals(List.of(), again.deletedBranches());
    assertEquals(List.of(), again.keptBranches());
  }

  @Test
  void aLocalOnlyRepositoryWorksAsBefore() throws Exception {
    repo.git("remote", "remove", "origin");
    start(hostA);
    repo.taskWithFile("a", "a.txt", "a\n");

    MergeResult result = git().integrate(step(hostA, List.of("feature/a"), countingChecks()));
    PreparedWorktree c = prepare(hostA, "c");

    assertTrue(result.checksPassed());
    assertEquals(result.targetHead(), rev(hostA, INTEGRATION));
    assertEquals(result.targetHead(), c.baseCommit());
    assertEquals("", repo.originRev(INTEGRATION), "nothing reached the former origin");
    assertEquals(1, checksRan());
  }

  @Test
  void noRemoteNamedKeepsTheBranchLocal() {
    git().startIntegration(new IntegrationStart(hostA.toString(), RUN, "main"));
    repo.taskWithFile("a", "a.txt", "a\n");

    MergeResult result =
        git()
            .integrate(
                new MergeRequest(
                    RUN,
                    hostA.toString(),
                    "main",
                    List.of("feature/a"),
                    List.of(),
                    List.of(),
                    null));

    assertTrue(result.checksPassed());
    assertEquals("", repo.originRev(INTEGRATION));
  }

  @Test
  void aTaskThatMovedToAnotherHostIsMergedWithWhatItPushedThereNotItsStaleBranchHere() {
    start(hostA);
    // A prepared t first, then t moved to B (A's agents were busy): A's branch stays at the base.
    prepare(hostA, "t");
    String pushed = pushedTask(hostB, "t", "t.txt");
    pushedTask(hostA, "u", "u.txt");

    MergeResult step = git().integrate(step(hostA, List.of("feature/t"), List.of()));
    assertEquals(List.of("feature/t"), step.merged());
    assertTrue(new GitCli(repo.origin).isAncestor(pushed, INTEGRATION), "t's work is in");

    // The final merge, given every branch, asks git which are in at once: t's stale one is not.
    prepare(hostA, "v");
    String v = pushedTask(hostB, "v", "v.txt");
    MergeResult done =
        git().merge(step(hostA, List.of("feature/t", "feature/u", "feature/v"), List.of()));
    assertEquals(List.of("feature/t", "feature/u", "feature/v"), done.merged());
    assertTrue(done.pushed());
    assertTrue(new GitCli(repo.origin).isAncestor(v, "main"), "v's work is on main");
    for (String file : List.of("t.txt", "u.txt", "v.txt")) {
      TestRepo.gitIn(repo.origin, "cat-file", "-e", "main:" + file);
    }
  }

  @Test
  void aRunStartedFromACheckoutBehindTheRemotesTargetStartsFromTheRemotes() {
    // An earlier run finished on B and pushed main; A, where the next run starts, never pulled.
    String moved = repo.commit(hostB, "earlier.txt", "earlier\n", "An earlier run's work");
    TestRepo.gitIn(hostB, "push", "--quiet", "origin", "main");
    String stale = repo.rev("main");

    start(hostA);
    assertEquals(moved, repo.originRev(INTEGRATION), "the run starts from the remote's main");

    pushedTask(hostA, "a", "a.txt");
    MergeResult done = git().merge(step(hostA, List.of("feature/a"), List.of()));
    assertTrue(done.pushed(), done.toString());
    assertTrue(new GitCli(repo.origin).isAncestor(moved, "main"), "the earlier work stays");
    assertEquals(done.targetHead(), repo.originRev("main"));
    assertNotEquals(stale, repo.rev("main"), "A's main was moved forward");
  }
}
