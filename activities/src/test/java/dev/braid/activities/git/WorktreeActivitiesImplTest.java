package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.AttemptFailure;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PreparedWorktree;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorktreeActivitiesImplTest {
  @TempDir Path dir;

  private TestRepo repo;

  @BeforeEach
  void createRepo() {
    repo = TestRepo.create(dir);
  }

  @Test
  void createsWorktreeOnNewBranchFromBase() {
    String mainHead = repo.rev("main");

    PreparedWorktree prepared = repo.prepare("t1");

    Path worktree = repo.repo.resolve("worktrees/t1");
    assertEquals(worktree.toString(), prepared.path());
    assertEquals("feature/t1", prepared.branch());
    assertEquals(TestRepo.HOST_QUEUE, prepared.hostTaskQueue());
    assertEquals(mainHead, prepared.baseCommit());
    assertEquals("feature/t1", TestRepo.gitIn(worktree, "symbolic-ref", "--short", "HEAD"));
    assertEquals(mainHead, repo.rev("feature/t1"));
    // The worktree lies inside the main checkout, yet the exclude file keeps its status clean.
    assertEquals("", repo.git("status", "--porcelain", "--untracked-files=all"));
  }

  @Test
  void secondPrepareReusesWorktreeWithItsUncommittedWork() throws IOException {
    PreparedWorktree first = repo.prepare("t1");
    Path worktree = Path.of(first.path());
    repo.commit(worktree, "done.txt", "committed\n", "Agent work");
    TestRepo.write(worktree.resolve("wip.txt"), "uncommitted\n");

    PreparedWorktree second = repo.prepare("t1");

    assertEquals(first, second);
    assertEquals("uncommitted\n", Files.readString(worktree.resolve("wip.txt")));
    assertTrue(Files.exists(worktree.resolve("done.txt")));
  }

  @Test
  void prepareAfterWorktreeDirectoryWasDeletedKeepsTheBranchCommits() throws IOException {
    PreparedWorktree first = repo.prepare("t1");
    Path worktree = Path.of(first.path());
    String work = repo.commit(worktree, "done.txt", "committed\n", "Agent work");
    deleteTree(worktree);

    PreparedWorktree second = repo.prepare("t1");

    assertEquals(work, repo.rev("feature/t1"));
    assertEquals(work, TestRepo.gitIn(worktree, "rev-parse", "HEAD"));
    assertEquals("committed\n", Files.readString(worktree.resolve("done.txt")));
    assertEquals(first.baseCommit(), second.baseCommit());
  }

  @Test
  void baseCommitStaysTheForkPointAfterTheBaseMovesOn() {
    String forkPoint = repo.rev("main");
    repo.taskWithFile("t1", "a.txt", "a\n");
    repo.commit(repo.repo, "later.txt", "later\n", "Main moves on");

    assertEquals(forkPoint, repo.prepare("t1").baseCommit());
  }

  @Test
  void directoryInTheWayFailsWithoutRetryAndIsLeftAlone() throws IOException {
    Path inTheWay = repo.repo.resolve("worktrees/t1/notes.txt");
    TestRepo.write(inTheWay, "mine\n");

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> repo.prepare("t1"));

    assertEquals(AttemptFailure.WORKTREE_FAILED, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().contains("is not a worktree"), failure.getMessage());
    assertEquals("mine\n", Files.readString(inTheWay));
    assertTrue(repo.git("branch", "--list", "feature/t1").isEmpty(), "no branch was created");
  }

  @Test
  void branchCheckedOutElsewhereFailsWithoutRetry() {
    repo.git("branch", "feature/t1", "main");
    repo.git("worktree", "add", dir.resolve("elsewhere").toString(), "feature/t1");

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> repo.prepare("t1"));

    assertEquals(AttemptFailure.WORKTREE_FAILED, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().contains("already checked out"), failure.getMessage());
  }

  @Test
  void unsafeTaskIdFailsWithoutRetry() {
    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> repo.prepare("../escape"));

    assertEquals(AttemptFailure.WORKTREE_FAILED, failure.getType());
    assertTrue(failure.isNonRetryable());
  }

  @Test
  void setupRunsOnceInTheWorktree() throws IOException {
    Path counter = dir.resolve("setup-runs.txt");
    List<List<String>> setup =
        List.of(List.of("sh", "-c", "pwd >> " + counter + "; echo {taskId} >> " + counter));
    PrepareRequest request = new PrepareRequest(repo.repo.toString(), "t1", "main", setup);

    repo.worktrees().prepare(request);
    repo.worktrees().prepare(request);

    List<String> lines = Files.readAllLines(counter);
    assertEquals(2, lines.size(), "one run: its directory and its placeholder");
    assertEquals(
        repo.repo.resolve("worktrees/t1").toRealPath(), Path.of(lines.get(0)).toRealPath());
    assertEquals("t1", lines.get(1));
  }

  @Test
  void failingSetupIsRetryableWithItsOutputAndRunsAgainNextTime() throws IOException {
    Path counter = dir.resolve("setup-runs.txt");
    String script = "echo run >> " + counter + "; test -f ok || { echo npm exploded; exit 3; }";
    PrepareRequest request =
        new PrepareRequest(
            repo.repo.toString(), "t1", "main", List.of(List.of("sh", "-c", script)));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> repo.worktrees().prepare(request));

    assertEquals(GitFailures.SETUP_FAILED, failure.getType());
    assertFalse(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().contains("npm exploded"), failure.getMessage());
    assertTrue(failure.getOriginalMessage().contains("exited 3"), failure.getMessage());

    TestRepo.write(repo.repo.resolve("worktrees/t1/ok"), "");
    repo.worktrees().prepare(request);
    repo.worktrees().prepare(request);
    assertEquals(
        2, Files.readAllLines(counter).size(), "failed once, succeeded once, then skipped");
  }

  @Test
  void excludeEntriesAreAddedOnce() throws IOException {
    Path exclude = repo.repo.resolve(".git/info/exclude");
    repo.prepare("t1");
    repo.prepare("t2");
    repo.prepare("t1");

    List<String> lines = Files.readAllLines(exclude);
    for (String entry : ExcludeFile.BRAID_ENTRIES) {
      assertEquals(1, Collections.frequency(lines, entry), entry + " in " + lines);
    }
  }

  @Test
  void concurrentPreparesOfOneRepositoryAllSucceed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<PreparedWorktree>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String taskId = "t" + i;
        results.add(pool.submit(() -> repo.prepare(taskId)));
      }
      for (int i = 0; i < 8; i++) {
        PreparedWorktree prepared = results.get(i).get(2, TimeUnit.MINUTES);
        assertEquals(
            "feature/t" + i, TestRepo.gitIn(Path.of(prepared.path()), "branch", "--show-current"));
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> lines = Files.readAllLines(repo.repo.resolve(".git/info/exclude"));
    assertEquals(1, Collections.frequency(lines, "/worktrees/"), lines.toString());
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void aTaskPreparedOnAnotherHostGoesOnFromItsPushedBranch() {
    // The first host worked and pushed; this host's checkout has never seen the branch.
    String pushed = repo.taskWithFile("t1", "work.txt", "pushed\n");
    repo.git("push", "--quiet", "origin", "feature/t1");
    Path other = dir.resolve("other-host");
    TestRepo.gitIn(dir, "clone", "--quiet", repo.origin.toString(), other.toString());

    PreparedWorktree prepared =
        repo.worktrees()
            .prepare(new PrepareRequest(other.toString(), "t1", "main", List.of(), null, "origin"));

    assertEquals(pushed, TestRepo.gitIn(Path.of(prepared.path()), "rev-parse", "HEAD"));
    assertEquals("pushed\n", TestRepo.read(Path.of(prepared.path()).resolve("work.txt")));
  }

  @Test
  void withoutTheRemotesBranchATaskStartsFromItsBase() {
    Path other = dir.resolve("other-host");
    TestRepo.gitIn(dir, "clone", "--quiet", repo.origin.toString(), other.toString());

    PreparedWorktree prepared =
        repo.worktrees()
            .prepare(new PrepareRequest(other.toString(), "t2", "main", List.of(), null, "origin"));

    assertEquals(repo.rev("main"), prepared.baseCommit());
  }
}
