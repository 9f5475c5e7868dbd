package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.activity.PushRequest;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitActivitiesMergeTest {
  private static final List<List<String>> CHECK_BOTH_FILES =
      List.of(List.of("sh", "-c", "test -f a.txt && test -f b.txt"));

  @TempDir Path dir;

  private TestRepo repo;
  private String a;
  private String b;

  @BeforeEach
  void createRepoWithTwoTasks() {
    repo = TestRepo.create(dir);
    a = repo.taskWithFile("a", "a.txt", "a\n");
    b = repo.taskWithFile("b", "b.txt", "b\n");
  }

  @Test
  void mergesBranchesInOrderWithMergeCommitsChecksThemAndMovesAndPushesTheTarget() {
    String before = repo.rev("main");

    MergeResult result = merge(List.of("feature/a", "feature/b"), CHECK_BOTH_FILES);

    assertEquals(List.of("feature/a", "feature/b"), result.merged());
    assertEquals(List.of(), result.conflicted());
    assertTrue(result.checksPassed());
    assertTrue(result.pushed());
    assertEquals(repo.rev("main"), result.targetHead());
    assertEquals(result.targetHead(), repo.originRev("main"));
    assertEquals(result.targetHead(), repo.rev("braid/run1"), "the integration branch is kept");
    String first = repo.rev("main^1");
    assertEquals(List.of(before, a), parents(first));
    assertEquals(List.of(first, b), parents("main"));
    assertEquals("Merge feature/a (braid)", repo.git("log", "-1", "--format=%s", first));
    assertEquals(2, repo.mergeCount("main"));
    // The main checkout has main checked out, so its files followed the fast-forward.
    assertTrue(Files.exists(repo.repo.resolve("a.txt")));
    assertTrue(Files.exists(repo.repo.resolve("b.txt")));
    assertEquals("", repo.git("status", "--porcelain", "--untracked-files=all"));
    assertFalse(Files.exists(repo.repo.resolve("worktrees/.integration-run1")));
  }

  @Test
  void conflictingBranchIsLeftOutAndTheOthersAreStillMerged() {
    repo.taskWithFile("c1", "README.md", "one way\n");
    repo.taskWithFile("c2", "README.md", "another way\n");

    MergeResult result = merge(List.of("feature/c1", "feature/c2", "feature/a"), List.of());

    assertEquals(List.of("feature/c1", "feature/a"), result.merged());
    assertEquals(List.of("feature/c2"), result.conflicted());
    assertTrue(result.checksPassed());
    assertEquals(2, repo.mergeCount("main"));
    assertEquals("one way\n", TestRepo.read(repo.repo.resolve("README.md")));
    assertFalse(repo.anyMergeInProgress());
    assertEquals("", repo.git("status", "--porcelain", "--untracked-files=all"));
  }

  @Test
  void failingChecksLeaveTheTargetWhereItWas() {
    String before = repo.rev("main");

    MergeResult result =
        merge(List.of("feature/a"), List.of(List.of("sh", "-c", "echo tests are red; exit 1")));

    assertFalse(result.checksPassed());
    assertTrue(result.checksOutput().contains("tests are red"), result.checksOutput());
    assertFalse(result.pushed());
    assertEquals(List.of("feature/a"), result.merged());
    assertEquals(before, result.targetHead());
    assertEquals(before, repo.rev("main"));
    assertEquals(before, repo.originRev("main"));
    assertTrue(
        Files.exists(repo.repo.resolve(".parallel/logs/run1/merge-checks.log")),
        "the whole check output is kept for humans");
  }

  @Test
  void secondMergeAfterSuccessMakesNoNewCommitAndReturnsTheSameResult() {
    MergeResult first = merge(List.of("feature/a", "feature/b"), CHECK_BOTH_FILES);

    MergeResult second = merge(List.of("feature/a", "feature/b"), CHECK_BOTH_FILES);

    assertEquals(first, second);
    assertEquals(2, repo.mergeCount("main"));
  }

  @Test
  void mergeRecoversAnIntegrationWorktreeACrashLeftMidMerge() {
    Path integration = repo.repo.resolve("worktrees/.integration-run1");
    repo.git("worktree", "add", "-b", "braid/run1", integration.toString(), "main");
    TestRepo.gitIn(
        integration, "merge", "--no-ff", "--no-edit", "-m", "Merge feature/a (braid)", a);
    TestRepo.gitIn(integration, "merge", "--no-ff", "--no-commit", b);
    assertTrue(repo.anyMergeInProgress());

    MergeResult result = merge(List.of("feature/a", "feature/b"), CHECK_BOTH_FILES);

    assertEquals(List.of("feature/a", "feature/b"), result.merged());
    assertTrue(result.checksPassed());
    assertEquals(2, repo.mergeCount("main"), "feature/a was not merged a second time");
    assertFalse(repo.anyMergeInProgress());
  }

  @Test
  void targetThatMovedAfterFailedChecksIsMergedOntoAfresh() {
    merge(List.of("feature/a", "feature/b"), List.of(List.of("false")));
    String userCommit = repo.commit(repo.repo, "user.txt", "mine\n", "User's own commit");

    MergeResult result = merge(List.of("feature/a", "feature/b"), CHECK_BOTH_FILES);

    assertTrue(result.checksPassed());
    assertEquals(repo.rev("main"), result.targetHead());
    assertTrue(new GitCli(repo.repo).isAncestor(userCommit, "main"));
    assertEquals(2, repo.mergeCount("main"));
  }

  @Test
  void unrelatedUncommittedChangesInTheMainCheckoutSurviveTheFastForward() {
    Path status = repo.repo.resolve(".parallel/plans/tasks/a.md");
    repo.commit(repo.repo, ".parallel/plans/tasks/a.md", "status: pending\n", "Plan");
    TestRepo.write(status, "status: completed\n");

    MergeResult result = merge(List.of("feature/a", "feature/b"), CHECK_BOTH_FILES);

    assertEquals(repo.rev("main"), result.targetHead());
    assertEquals(2, repo.mergeCount("main"));
    assertEquals("status: completed\n", TestRepo.read(status));
    assertTrue(Files.exists(repo.repo.resolve("b.txt")));
  }

  @Test
  void localChangesTheFastForwardWouldOverwriteStopItWithoutRetry() {
    repo.taskWithFile("r", "README.md", "task's README\n");
    TestRepo.write(repo.repo.resolve("README.md"), "user's unsaved README\n");
    String before = repo.rev("main");

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> merge(List.of("feature/r"), List.of()));

    assertEquals(GitFailures.TARGET_NOT_FAST_FORWARD, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertEquals(before, repo.rev("main"));
    assertEquals("user's unsaved README\n", TestRepo.read(repo.repo.resolve("README.md")));
    assertFalse(repo.anyMergeInProgress());
    assertFalse(Files.exists(repo.repo.resolve("worktrees/.integration-run1")));
  }

  @Test
  void targetNotCheckedOutAnywhereMovesByCompareAndSwap() {
    repo.git("checkout", "--quiet", "-b", "dev");
    String devHead = repo.rev("dev");

    MergeResult result = merge(List.of("feature/a"), List.of());

    assertNotEquals(devHead, result.targetHead());
    assertEquals(result.targetHead(), repo.rev("main"));
    assertEquals(List.of(devHead, a), parents("main"));
    assertEquals("dev", repo.git("symbolic-ref", "--short", "HEAD"));
    assertEquals(devHead, repo.rev("HEAD"), "the checked-out branch did not move");
    assertFalse(Files.exists(repo.repo.resolve("a.txt")));
  }

  @Test
  void branchThatExistsOnlyOnTheRemoteIsFetched() {
    repo.gitActivities().push(new PushRequest(worktree("a"), "feature/a", "origin"));
    repo.git("worktree", "remove", worktree("a"));
    repo.git("branch", "-D", "feature/a");
    String before = repo.rev("main");

    MergeResult result = merge(List.of("feature/a"), List.of());

    assertEquals(List.of("feature/a"), result.merged());
    assertEquals(List.of(before, a), parents("main"));
  }

  @Test
  void branchThatExistsNowhereFailsWithoutRetry() {
    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> merge(List.of("feature/ghost"), List.of()));

    assertEquals(GitFailures.BRANCH_MISSING, failure.getType());
    assertTrue(failure.isNonRetryable());
  }

  private MergeResult merge(List<String> branches, List<List<String>> checks) {
    return repo.gitActivities()
        .merge(
            new MergeRequest(
                "run1", repo.repo.toString(), "main", branches, List.of(), checks, "origin"));
  }

  private String worktree(String taskId) {
    return repo.repo.resolve("worktrees").resolve(taskId).toString();
  }

  private List<String> parents(String revision) {
    return List.of(repo.git("log", "-1", "--format=%P", revision).split(" "));
  }
}
