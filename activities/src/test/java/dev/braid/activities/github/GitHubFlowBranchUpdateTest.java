package dev.braid.activities.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.git.GitCli;
import dev.braid.activity.BranchUpdateRequest;
import dev.braid.activity.BranchUpdateResult;
import dev.braid.activity.PullRequestSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stacked pull request's branch brought up to the target after its base merged. */
class GitHubFlowBranchUpdateTest {
  @TempDir Path dir;

  private GitHubFlowFixture f;
  private BranchUpdateRequest update;

  @BeforeEach
  void setUp() throws Exception {
    f = new GitHubFlowFixture(dir);
    f.pushBranch("feature/a", "main", "a.txt");
    f.pushBranch("feature/b", "feature/a", "b.txt");
    int a = open("feature/a", "main");
    open("feature/b", "feature/a");
    f.github.merge(a);
    update = new BranchUpdateRequest(f.clone.toString(), "origin", "feature/b", "main");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private int open(String branch, String base) {
    return f.activities
        .openPullRequest(
            new PullRequestSpec(f.location(), branch, base, branch, "", List.of(), null, null))
        .number();
  }

  @Test
  void theMergedBaseIsMergedInAndPushedWithoutForceAndARepeatChangesNothing() {
    String before = f.originHead("feature/b");

    BranchUpdateResult first = f.activities.bringUpToDate(update);
    BranchUpdateResult second = f.activities.bringUpToDate(update);

    assertTrue(first.merged());
    assertTrue(first.pushed());
    assertEquals(first.head(), f.originHead("feature/b"));
    assertTrue(f.git.isAncestor(before, first.head()), "the branch only moved forward");
    assertTrue(f.git.isAncestor(f.originHead("main"), first.head()), "main's merge commit is in");
    assertFalse(second.merged());
    assertFalse(second.pushed());
    assertEquals(first.head(), second.head());
  }

  @Test
  void aCommitAHumanPushedToTheBranchIsKept() throws Exception {
    Path other = dir.resolve("human");
    new GitCli(dir)
        .run("clone", "--quiet", "-b", "feature/b", f.origin.toString(), other.toString());
    GitCli human = new GitCli(other);
    Files.writeString(other.resolve("human.txt"), "mine\n");
    human.run("add", "human.txt");
    human.run(
        "-c", "user.name=H", "-c", "user.email=h@example.com", "commit", "--quiet", "-m", "human");
    human.run("push", "--quiet", "origin", "feature/b");
    String humans = human.head();

    BranchUpdateResult result = f.activities.bringUpToDate(update);

    assertTrue(result.pushed());
    assertTrue(f.git.isAncestor(humans, f.originHead("feature/b")));
  }

  @Test
  void aConflictIsLeftInTheWorktreeAndNothingIsPushed() throws Exception {
    f.git.run("checkout", "--quiet", "main");
    f.git.run("pull", "--quiet", "--ff-only", "origin", "main");
    f.commit("b.txt", "main's b\n", "main writes b too");
    f.git.run("push", "--quiet", "origin", "main");
    f.git.run("checkout", "--quiet", "feature/b");
    String before = f.originHead("feature/b");

    BranchUpdateResult result = f.activities.bringUpToDate(update);
    BranchUpdateResult again = f.activities.bringUpToDate(update);

    assertEquals(List.of("b.txt"), result.conflictingFiles());
    assertFalse(result.pushed());
    assertEquals(before, f.originHead("feature/b"));
    assertEquals(result, again, "a merge in progress is reported, not started again");
  }
}
