package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.IntegrationStart;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.activity.SpeculationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merge step checked ahead, on real repositories: it merges and checks in a worktree of its own,
 * moves nothing, and the step that reaches the same tree later skips its checks; any other tree is
 * checked.
 */
class StepsAheadActivitiesTest {
  @TempDir Path dir;
  private TestRepo repo;
  private GitActivitiesImpl git;
  private Path count;

  @BeforeEach
  void setUp() {
    repo = TestRepo.create(dir);
    git = repo.gitActivities();
    git.startIntegration(new IntegrationStart(repo.repo.toString(), "run1", "main"));
    count = dir.resolve("checks-ran");
  }

  private MergeRequest request(List<String> branches, List<String> passedTrees) {
    return new MergeRequest(
        "run1",
        repo.repo.toString(),
        "main",
        branches,
        List.of(),
        List.of(List.of("sh", "-c", "echo x >> " + count + " && test ! -f broken.txt")),
        "origin",
        null,
        passedTrees);
  }

  private int checksRan() throws Exception {
    return Files.exists(count) ? Files.readAllLines(count).size() : 0;
  }

  @Test
  void checkingAheadMovesNothingAndItsTreeSparesTheStepItsChecks() throws Exception {
    repo.taskWithFile("a", "a.txt", "a\n");
    repo.taskWithFile("b", "b.txt", "b\n");
    String integration = repo.rev("braid/run1");

    // b is checked ahead on top of a, whose own step has not merged yet.
    SpeculationResult ahead = git.speculate(request(List.of("feature/a", "feature/b"), List.of()));

    assertTrue(ahead.checksPassed());
    assertEquals(List.of("feature/a", "feature/b"), ahead.merged());
    assertEquals(1, checksRan());
    assertEquals(integration, repo.rev("braid/run1"), "checking ahead moves no branch");
    assertFalse(
        Files.exists(GitPaths.speculationWorktree(repo.repo, "run1", ahead.merged())),
        "its worktree is gone");

    MergeResult a = git.integrate(request(List.of("feature/a"), List.of()));
    assertTrue(a.checksPassed());
    assertEquals(2, checksRan(), "a's step checks itself");

    MergeResult b = git.integrate(request(List.of("feature/b"), List.of(ahead.tree())));
    assertTrue(b.checksPassed());
    assertEquals(List.of("feature/b"), b.merged());
    assertEquals(2, checksRan(), "b's step reached the tree checked ahead and did not check again");
    assertEquals(b.targetHead(), repo.rev("braid/run1"));
  }

  @Test
  void aStepWhoseTreeDiffersFromTheOneCheckedAheadChecks() throws Exception {
    repo.taskWithFile("a", "a.txt", "a\n");
    repo.taskWithFile("b", "b.txt", "b\n");
    repo.taskWithFile("c", "c.txt", "c\n");
    SpeculationResult ahead = git.speculate(request(List.of("feature/a", "feature/b"), List.of()));

    // The step ahead took c instead of a: b's result is not the tree checked ahead.
    git.integrate(request(List.of("feature/c"), List.of()));
    MergeResult b = git.integrate(request(List.of("feature/b"), List.of(ahead.tree())));

    assertTrue(b.checksPassed());
    assertEquals(3, checksRan(), "checked ahead once, then c's step and b's step each checked");
  }

  @Test
  void aFailingCheckAheadSaysSoAndAConflictIsNotChecked() throws Exception {
    repo.taskWithFile("a", "shared.txt", "from a\n");
    repo.taskWithFile("b", "broken.txt", "x\n");
    repo.taskWithFile("c", "shared.txt", "from c\n");

    SpeculationResult broken = git.speculate(request(List.of("feature/a", "feature/b"), List.of()));
    assertFalse(broken.checksPassed());
    assertEquals(1, checksRan());

    SpeculationResult conflict =
        git.speculate(request(List.of("feature/a", "feature/c"), List.of()));
    assertFalse(conflict.checksPassed());
    assertEquals(List.of("feature/c"), conflict.conflicted());
    assertEquals(1, checksRan(), "a conflict is found without running the checks");
    assertFalse(repo.anyMergeInProgress());
  }

  @Test
  void aRetryAfterAKilledTryStartsAgainInAFreshWorktree() throws Exception {
    repo.taskWithFile("a", "a.txt", "a\n");
    List<String> branches = List.of("feature/a");
    Path left = GitPaths.speculationWorktree(repo.repo, "run1", branches);
    // A try killed mid-merge left its worktree behind, with a stray file.
    new GitCli(repo.repo).run("worktree", "add", "--detach", left.toString(), "main");
    Files.writeString(left.resolve("stray.txt"), "left by a killed try\n");

    SpeculationResult again = git.speculate(request(branches, List.of()));

    assertTrue(again.checksPassed());
    assertFalse(Files.exists(left));
    SpeculationResult once = git.speculate(request(branches, List.of()));
    assertEquals(again.tree(), once.tree(), "the same branches give the same tree");
  }
}
