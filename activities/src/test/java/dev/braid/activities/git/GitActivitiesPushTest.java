package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.PushRequest;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitActivitiesPushTest {
  @TempDir Path dir;

  private TestRepo repo;

  @BeforeEach
  void createRepo() {
    repo = TestRepo.create(dir);
  }

  @Test
  void pushPublishesTheTaskBranch() {
    PreparedWorktree task = repo.prepare("t1");
    String head = repo.commit(Path.of(task.path()), "a.txt", "a\n", "Work");

    boolean pushed =
        repo.gitActivities().push(new PushRequest(task.path(), "feature/t1", "origin"));

    assertTrue(pushed);
    assertEquals(head, repo.originRev("feature/t1"));
  }

  @Test
  void secondPushOfTheSameCommitChangesNothing() {
    PreparedWorktree task = repo.prepare("t1");
    String head = repo.commit(Path.of(task.path()), "a.txt", "a\n", "Work");
    PushRequest request = new PushRequest(task.path(), "feature/t1", "origin");
    repo.gitActivities().push(request);

    assertTrue(repo.gitActivities().push(request));
    assertEquals(head, repo.originRev("feature/t1"));
  }

  @Test
  void pushWithoutTheRemoteReturnsFalse() {
    repo.git("remote", "remove", "origin");
    PreparedWorktree task = repo.prepare("t1");

    assertFalse(repo.gitActivities().push(new PushRequest(task.path(), "feature/t1", "origin")));
  }

  @Test
  void remoteBranchWithOtherCommitsIsRejectedWithoutRetryOrForce() {
    PreparedWorktree task = repo.prepare("t1");
    repo.commit(Path.of(task.path()), "a.txt", "a\n", "Work");
    String theirs = repo.commit(repo.repo, "other.txt", "other\n", "Somebody else's");
    repo.git("push", "--quiet", "origin", "main:refs/heads/feature/t1");

    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () -> repo.gitActivities().push(new PushRequest(task.path(), "feature/t1", "origin")));

    assertEquals(GitFailures.PUSH_REJECTED, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertEquals(theirs, repo.originRev("feature/t1"), "the remote branch was not overwritten");
  }

  @Test
  void aRemoteGivenAsARelativePathIsTheSameRepositoryFromAWorktree() {
    // As after `git remote add origin ../origin.git` in the main checkout: from the worktree's
    // folder that path names nothing.
    String relative = repo.repo.relativize(repo.origin).toString();
    repo.git("remote", "set-url", "origin", relative);
    PreparedWorktree task = repo.prepare("t1");
    String head = repo.commit(Path.of(task.path()), "a.txt", "a\n", "Work");

    assertTrue(repo.gitActivities().push(new PushRequest(task.path(), "feature/t1", "origin")));
    assertEquals(head, repo.originRev("feature/t1"));
  }

  @Test
  void aRemoteThatNamesNoRepositoryFailsOnceWithTheFixNotOnEveryRetry() {
    repo.git("remote", "set-url", "origin", dir.resolve("nowhere.git").toString());
    PreparedWorktree task = repo.prepare("t1");
    repo.commit(Path.of(task.path()), "a.txt", "a\n", "Work");

    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () -> repo.gitActivities().push(new PushRequest(task.path(), "feature/t1", "origin")));

    assertTrue(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().contains("fix the remote"), failure.getMessage());
  }
}
