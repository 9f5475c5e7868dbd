package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.files.LocalCheckout;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.IntegrationStart;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.PushRequest;
import dev.braid.workflow.BraidNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run started from a checkout at one path is worked on by a host whose clone of the same origin
 * lives at another: every activity of host B works in B's clone, though the requests name A's.
 */
class OtherCheckoutTest {
  private static final String RUN = "run1";
  private static final String QUEUE = BraidNames.repositoryQueue("example.com/shop");
  private static final String HOST_B = BraidNames.hostTaskQueue(QUEUE, "b");

  @TempDir Path dir;
  private TestRepo repo;
  private Path hostA;
  private Path hostB;
  private LocalCheckout onB;

  @BeforeEach
  void twoHosts() {
    repo = TestRepo.create(dir);
    hostA = repo.repo;
    hostB = dir.resolve("host-b").resolve("work").resolve("checkout");
    TestRepo.gitIn(dir, "clone", "--quiet", repo.origin.toString(), hostB.toString());
    TestRepo.gitIn(hostB, "config", "user.name", "Host B");
    TestRepo.gitIn(hostB, "config", "user.email", "b@example.com");
    onB = new LocalCheckout(hostB, () -> HOST_B);
  }

  private GitActivitiesImpl gitOnB() {
    return new GitActivitiesImpl(new ProcessRunner(), () -> Heartbeat.NONE, onB);
  }

  @Test
  void hostBPreparesMergesAndPushesInItsOwnClone() throws Exception {
    // Host A's checkout is where the run started; host B never touches it.
    String a = hostA.toString();
    assertEquals(
        BraidNames.integrationBranch(RUN),
        gitOnB().startIntegration(new IntegrationStart(a, RUN, "main", "origin")));

    PreparedWorktree task =
        new WorktreeActivitiesImpl(HOST_B, new ProcessRunner(), () -> Heartbeat.NONE, onB)
            .prepare(
                new PrepareRequest(
                    a, "t1", BraidNames.integrationBranch(RUN), List.of(), null, "origin"));

    assertEquals(hostB.resolve("worktrees").resolve("t1").toString(), task.path());
    assertEquals(HOST_B, task.hostTaskQueue());
    repo.commit(Path.of(task.path()), "t1.txt", "t1\n", "Task t1");
    assertTrue(gitOnB().push(new PushRequest(task.path(), "feature/t1", "origin")));

    MergeResult merged =
        gitOnB()
            .merge(
                new MergeRequest(
                    RUN,
                    a,
                    "main",
                    List.of("feature/t1"),
                    List.of(),
                    List.of(List.of("test", "-f", "t1.txt")),
                    "origin",
                    "temporal-run"));

    assertTrue(merged.checksPassed(), merged.toString());
    assertEquals(List.of("feature/t1"), merged.merged());
    assertEquals(merged.targetHead(), repo.originRev("main"), "B pushed the target to origin");
    assertTrue(
        Files.exists(hostB.resolve(".parallel/logs").resolve(RUN).resolve("temporal-run")),
        "the merge's check log is in B's clone");
    assertFalse(Files.exists(hostA.resolve("worktrees")), "no worktree in A's checkout");
    assertFalse(Files.exists(hostA.resolve(".parallel")), "no log in A's checkout");
    assertTrue(
        TestRepo.gitIn(hostA, "branch", "--list", "feature/t1", "braid/*").isBlank(),
        "A's checkout has no branch of the run");
  }

  @Test
  void aTaskBackOnAHostThatHeldItGoesOnFromWhatTheOtherHostPushed() throws Exception {
    String a = hostA.toString();
    LocalCheckout onA = new LocalCheckout(hostA, () -> BraidNames.hostTaskQueue(QUEUE, "a"));
    WorktreeActivitiesImpl worktreesOnA =
        new WorktreeActivitiesImpl(
            BraidNames.hostTaskQueue(QUEUE, "a"), new ProcessRunner(), () -> Heartbeat.NONE, onA);
    PrepareRequest prepare = new PrepareRequest(a, "t2", "main", List.of(), null, "origin");
    // A holds the task first and pushes its first commit; then the task moves to B.
    PreparedWorktree first = worktreesOnA.prepare(prepare);
    repo.commit(Path.of(first.path()), "one.txt", "1\n", "First");
    assertTrue(gitOnB().push(new PushRequest(first.path(), "feature/t2", "origin")));
    PreparedWorktree onB =
        new WorktreeActivitiesImpl(HOST_B, new ProcessRunner(), () -> Heartbeat.NONE, this.onB)
            .prepare(prepare);
    repo.commit(Path.of(onB.path()), "two.txt", "2\n", "Second, on B");
    assertTrue(gitOnB().push(new PushRequest(onB.path(), "feature/t2", "origin")));

    // Back on A, whose branch stopped at the first commit.
    PreparedWorktree again = worktreesOnA.prepare(prepare);

    assertEquals(first.path(), again.path());
    assertEquals(repo.originRev("feature/t2"), TestRepo.gitIn(hostA, "rev-parse", "feature/t2"));
    assertTrue(Files.exists(Path.of(again.path()).resolve("two.txt")), "B's work is here");
  }
}
