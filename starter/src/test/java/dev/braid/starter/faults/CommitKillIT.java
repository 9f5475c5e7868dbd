package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.braid.starter.testsupport.Git;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 while a task's attempt commits the agent's work. braid commits with {@code --no-verify},
 * but git still runs {@code prepare-commit-msg}, so the commit is held there by a hook, the work
 * staged and not yet committed, until the test has killed what it kills.
 *
 * <p>After each run the work must be on the task's branch in exactly one commit: neither lost nor
 * committed twice.
 */
@Tag("e2e")
class CommitKillIT extends FaultTest {

  /** Only the worker dies; its {@code git commit}, an orphan then, finishes once released. */
  @Test
  void workerKilledWhileCommittingRunCompletes() throws Exception {
    long hook = killWorkerWhileCommitting();
    r.releaseAll();

    Braid.Result resumed = run(RUN_TIMEOUT, "execute", "--json");

    CompletedRun.check(r, resumed, Map.of("committed", 2));
    assertOneCommitOfTheWork("committed");
    assertFalse(Processes.running(hook), "the held commit ended");
  }

  /**
   * The worker and its {@code git commit} die together, as when a service manager kills the
   * worker's whole control group: the work stays staged and uncommitted in the task's worktree, and
   * the rerun attempt must commit it once.
   */
  @Test
  void workerAndItsGitKilledWhileCommittingRunCompletes() throws Exception {
    long hook = killWorkerWhileCommitting();
    ProcessHandle held = ProcessHandle.of(hook).orElseThrow();
    // The hook's parent is the git commit that runs it.
    Processes.kill(Stream.concat(held.parent().stream(), Stream.of(held)).toList());
    r.releaseAll();

    Braid.Result resumed = run(RUN_TIMEOUT, "execute", "--json");

    CompletedRun.check(r, resumed, Map.of("committed", 2));
    assertOneCommitOfTheWork("committed");
  }

  /**
   * A git killed while it writes the index (a {@code git add}, a power cut) leaves {@code
   * index.lock} behind, and git then refuses every command that writes the index in that worktree
   * until someone removes it. The lock is made here as such a git leaves it, in the task's worktree
   * while its worker is dead.
   */
  @Test
  void staleIndexLockInTheTasksWorktreeIsClearedAndTheRunCompletes() throws Exception {
    r = FaultRepo.in(tmp).tier("fast", 1, "2m").task("locked", "\"sleepSeconds\": 20").create();

    Braid.Running first = start("execute", "--json");
    r.awaitAttemptLog("locked", "1-fast.log", PHASE_TIMEOUT);
    first.kill9();
    java.nio.file.Path lock = r.repo.resolve(".git/worktrees/locked/index.lock");
    java.nio.file.Files.createFile(lock);

    Braid.Result resumed = run(RUN_TIMEOUT, "execute", "--json");

    CompletedRun.check(r, resumed, Map.of("locked", 2));
    assertOneCommitOfTheWork("locked");
    assertFalse(java.nio.file.Files.exists(lock), "the stale lock is gone");
  }

  /**
   * Starts a run of one task whose commit is held in its hook, kills the worker, and returns the
   * pid of the held hook; the gate stays held.
   */
  private long killWorkerWhileCommitting() throws Exception {
    r = FaultRepo.in(tmp).tier("fast", 1, "2m").task("committed", "").create();
    r.hookCommits();
    r.hold("commit-committed");
    Braid.Running first = start("execute", "--json");
    long hook = r.awaitHeld("commit-committed", PHASE_TIMEOUT);
    first.kill9();
    return hook;
  }

  private void assertOneCommitOfTheWork(String id) throws Exception {
    String commits =
        Git.run(
            r.repo,
            "log",
            "--format=%H %s",
            r.initialCommit + "..feature/" + id,
            "--",
            "out/" + id + ".txt");
    assertEquals(
        1, commits.lines().count(), "commits of the work on feature/" + id + ":\n" + commits);
  }
}
