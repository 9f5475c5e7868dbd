package dev.braid.activities.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.git.GitPaths;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.CleanupResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cleanup on real repositories with a bare origin: what goes, what stays and why. */
class RunCleanerTest {
  @TempDir Path dir;

  private CleanupRepo repo;

  @BeforeEach
  void createRepo() {
    repo = CleanupRepo.create(dir);
  }

  @Test
  void aMergedBranchIsDeletedLocallyAndOnTheRemoteWithItsWorktree() {
    Path worktree = repo.task("a");
    repo.merge("feature/a");

    CleanupResult result = clean("a");

    assertEquals(List.of(worktree.toString()), result.removedWorktrees());
    assertEquals(List.of("feature/a", "origin/feature/a"), result.deletedBranches());
    assertEquals(List.of(), result.keptBranches());
    assertFalse(Files.exists(worktree));
    assertFalse(repo.hasBranch("feature/a"));
    assertFalse(repo.originHas("feature/a"));
    assertTrue(repo.originHas("main"), "only the task branch goes from the remote");
  }

  @Test
  void anUnmergedBranchIsKeptLocallyAndOnTheRemoteWithTheReason() {
    Path worktree = repo.task("b");

    CleanupResult result = clean("b");

    assertEquals(List.of(worktree.toString()), result.removedWorktrees(), "its work is committed");
    assertEquals(List.of(), result.deletedBranches());
    assertEquals(List.of("feature/b: has 1 unmerged commit (not in main)"), result.keptBranches());
    assertTrue(repo.hasBranch("feature/b"));
    assertTrue(repo.originHas("feature/b"));
  }

  @Test
  void aWorktreeWithUncommittedChangesIsKeptWithItsBranch() {
    Path worktree = repo.task("c");
    repo.merge("feature/c");
    CleanupRepo.write(worktree.resolve("notes.txt"), "work in progress\n");

    CleanupResult result = clean("c");

    assertEquals(List.of(), result.removedWorktrees());
    assertEquals(List.of(), result.deletedBranches());
    assertEquals(1, result.keptBranches().size());
    assertTrue(
        result.keptBranches().get(0).startsWith("feature/c: worktree " + worktree),
        result.keptBranches().toString());
    assertTrue(result.keptBranches().get(0).contains("uncommitted changes"));
    assertEquals("work in progress\n", read(worktree.resolve("notes.txt")));
    assertTrue(repo.hasBranch("feature/c"));
    assertTrue(repo.originHas("feature/c"), "a kept branch keeps its remote copy");
  }

  @Test
  void aSecondCleanupHasNothingLeftToDoAndGivesTheSameShape() {
    repo.task("a");
    repo.merge("feature/a");
    repo.task("b");
    CleanupResult first = clean("a", "b");
    String after = repo.state();

    CleanupResult second = clean("a", "b");

    assertEquals(List.of(), second.removedWorktrees());
    assertEquals(List.of(), second.deletedBranches());
    assertEquals(first.keptBranches(), second.keptBranches());
    assertEquals(first.archivedTo(), second.archivedTo());
    assertEquals(after, repo.state(), "the second call changed nothing");
  }

  @Test
  void thePlanIsArchivedOnceAndStaysInPlace() throws Exception {
    CleanupResult first = clean();
    Path archive = repo.repo.resolve(".parallel/archive/plans-" + CleanupRepo.DATE);
    assertEquals(archive.toString(), first.archivedTo());
    assertEquals("# A\n", read(archive.resolve("tasks/a.md")));
    assertTrue(Files.exists(repo.planDir.resolve("plan.yaml")), "the plan itself is kept");

    CleanupRepo.write(repo.planDir.resolve("tasks/a.md"), "# A, edited\n");
    CleanupResult second = clean();

    assertEquals(first.archivedTo(), second.archivedTo());
    assertEquals("# A\n", read(archive.resolve("tasks/a.md")), "an archive is never overwritten");
    try (var entries = Files.list(archive.getParent())) {
      assertEquals(1, entries.count(), "no partial copy is left behind");
    }
  }

  @Test
  void noArchiveWhenNotAsked() {
    CleanupRequest request = repo.request(List.of());
    CleanupResult result =
        new RunCleaner()
            .clean(
                new CleanupRequest(
                    request.repo(),
                    request.runId(),
                    request.planDir(),
                    "main",
                    "origin",
                    List.of(),
                    false,
                    CleanupRepo.DATE));
    assertNull(result.archivedTo());
    assertFalse(Files.exists(repo.repo.resolve(".parallel/archive")));
  }

  @Test
  void aWorktreeWhereAStepWasCheckedAheadThatAKilledWorkerLeftIsRemoved() {
    Path ahead = repo.repo.resolve("worktrees/" + GitPaths.aheadPrefix(CleanupRepo.RUN) + "0a1b2c");
    repo.git("worktree", "add", "--quiet", "--detach", ahead.toString(), "main");
    CleanupRepo.write(ahead.resolve("build/out.txt"), "checks ran here\n");
    Path other =
        repo.repo.resolve("worktrees/" + GitPaths.aheadPrefix("braid-other-run") + "0a1b2c");
    repo.git("worktree", "add", "--quiet", "--detach", other.toString(), "main");

    CleanupResult result = clean();

    assertTrue(result.removedWorktrees().contains(ahead.toString()), result.toString());
    assertFalse(Files.exists(ahead));
    assertTrue(Files.exists(other.resolve(".git")), "another run's stays");
  }

  @Test
  void theRunsIntegrationWorktreeIsRemovedAndItsMergedBranchDeleted() {
    Path integration = repo.repo.resolve("worktrees/.integration-" + CleanupRepo.RUN);
    repo.git(
        "worktree", "add", "--quiet", "-b", "braid/" + CleanupRepo.RUN, integration.toString());
    // Checks leave output behind; the integration worktree is braid's own, so it goes anyway.
    CleanupRepo.write(integration.resolve("build/out.txt"), "built\n");
    Path other = repo.repo.resolve("worktrees/.integration-braid-other-run");
    repo.git("worktree", "add", "--quiet", "-b", "braid/braid-other-run", other.toString());

    CleanupResult result = clean();

    assertEquals(List.of(integration.toString()), result.removedWorktrees());
    assertEquals(List.of("braid/" + CleanupRepo.RUN), result.deletedBranches());
    assertFalse(Files.exists(integration));
    assertTrue(Files.exists(other.resolve(".git")), "another run's integration worktree stays");
    assertTrue(repo.hasBranch("braid/braid-other-run"));
  }

  @Test
  void anIntegrationBranchWithWorkTheTargetLacksIsKept() {
    Path integration = repo.repo.resolve("worktrees/.integration-" + CleanupRepo.RUN);
    repo.git(
        "worktree", "add", "--quiet", "-b", "braid/" + CleanupRepo.RUN, integration.toString());
    CleanupRepo.write(integration.resolve("merged.txt"), "merged, but the checks failed\n");
    new GitCli(integration).commitAll("Merge whose checks failed");

    CleanupResult result = clean();

    assertEquals(List.of(integration.toString()), result.removedWorktrees());
    assertEquals(
        List.of("braid/" + CleanupRepo.RUN + ": has 1 unmerged commit (not in main)"),
        result.keptBranches());
    assertTrue(repo.hasBranch("braid/" + CleanupRepo.RUN));
  }

  @Test
  void aBranchMergedIntoTheTargetIsDeletedWhileAnotherBranchIsCheckedOut() {
    repo.task("a");
    repo.merge("feature/a");
    repo.git("checkout", "--quiet", "-b", "elsewhere", "main~1");

    CleanupResult result = clean("a");

    assertEquals(List.of("feature/a", "origin/feature/a"), result.deletedBranches());
    assertFalse(repo.hasBranch("feature/a"));
  }

  @Test
  void aRemoteCopyWithCommitsTheTargetLacksIsKeptWhileTheLocalBranchGoes() {
    Path worktree = repo.task("d");
    repo.merge("feature/d");
    // Someone else pushed more to the task branch on the remote.
    Path clone = dir.resolve("clone");
    new GitCli(dir).run("clone", "--quiet", "-b", "feature/d", repo.origin.toString(), "clone");
    CleanupRepo.write(clone.resolve("more.txt"), "more\n");
    new GitCli(clone).commitAll("More work");
    new GitCli(clone).run("push", "--quiet", "origin", "feature/d");

    CleanupResult result = clean("d");

    assertEquals(List.of(worktree.toString()), result.removedWorktrees());
    assertEquals(List.of("feature/d"), result.deletedBranches());
    assertEquals(
        List.of("origin/feature/d: has commits this repository lacks, so they are not in main"),
        result.keptBranches());
    assertTrue(repo.originHas("feature/d"));
  }

  @Test
  void aCleanupCutShortAfterItsLocalDeletesFinishesOnTheRemoteWhenRunAgain() {
    repo.task("a");
    repo.merge("feature/a");
    repo.git("worktree", "remove", repo.worktree("a").toString());
    repo.git("branch", "-d", "feature/a");

    CleanupResult result = clean("a");

    assertEquals(List.of("origin/feature/a"), result.deletedBranches());
    assertFalse(repo.originHas("feature/a"));
  }

  @Test
  void aFolderThatIsNotAWorktreeIsLeftAlone() {
    Path stray = repo.worktree("e");
    CleanupRepo.write(stray.resolve("mine.txt"), "not braid's\n");

    CleanupResult result = clean("e");

    assertEquals(List.of(), result.removedWorktrees());
    assertEquals("not braid's\n", read(stray.resolve("mine.txt")));
  }

  @Test
  void refusesAnUnsafeTaskIdAndAMissingTarget() {
    CleanupRequest unsafe = repo.request(List.of("../../etc"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new RunCleaner().clean(unsafe));
    assertTrue(e.getMessage().contains("'../../etc'"), e.getMessage());

    CleanupRequest base = repo.request(List.of());
    CleanupRequest noTarget =
        new CleanupRequest(
            base.repo(),
            base.runId(),
            base.planDir(),
            "trunk",
            "origin",
            List.of(),
            true,
            CleanupRepo.DATE);
    e = assertThrows(IllegalArgumentException.class, () -> new RunCleaner().clean(noTarget));
    assertTrue(e.getMessage().contains("'trunk' does not exist"), e.getMessage());
  }

  private CleanupResult clean(String... taskIds) {
    return new RunCleaner().clean(repo.request(List.of(taskIds)));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
