package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchMergerTest {
  @TempDir Path dir;

  @Test
  void branchesMergedBeforeAreCountedInOrderAndOnlyTheNewOnesGetAMergeCommit() {
    TestRepo test = TestRepo.create(dir);
    test.taskWithFile("t1", "t1.txt", "one\n");
    test.taskWithFile("t10", "t10.txt", "ten\n");
    test.taskWithFile("t2", "t2.txt", "two\n");
    Path integration = dir.resolve("integration");
    test.git("worktree", "add", "--quiet", "-b", "braid/run", integration.toString(), "main");
    GitCli git = new GitCli(integration);
    git.run("merge", "--no-ff", "--quiet", "-m", "Merge feature/t10", "feature/t10");
    int before = test.mergeCount("braid/run");

    BranchMerger.Merged merged =
        new BranchMerger(new GitCli(test.repo), git, "origin", new ActivityProgress(Heartbeat.NONE))
            .mergeAll(List.of("feature/t1", "feature/t10", "feature/t2", "feature/t1"));

    // feature/t1 is a prefix of feature/t10, which alone was merged before: t1 still gets merged.
    assertEquals(List.of("feature/t1", "feature/t10", "feature/t2"), merged.merged());
    assertEquals(List.of(), merged.conflicted());
    assertEquals(before + 2, test.mergeCount("braid/run"));
  }

  @Test
  void aSecondMergeOfTheSameBranchesMakesNoCommit() {
    TestRepo test = TestRepo.create(dir);
    test.taskWithFile("a", "a.txt", "a\n");
    test.taskWithFile("b", "b.txt", "b\n");
    Path integration = dir.resolve("integration");
    test.git("worktree", "add", "--quiet", "-b", "braid/run", integration.toString(), "main");
    BranchMerger merger =
        new BranchMerger(
            new GitCli(test.repo, new ProcessRunner()),
            new GitCli(integration),
            "origin",
            new ActivityProgress(Heartbeat.NONE));
    merger.mergeAll(List.of("feature/a", "feature/b"));
    String head = new GitCli(integration).head();

    BranchMerger.Merged again = merger.mergeAll(List.of("feature/a", "feature/b"));

    assertEquals(List.of("feature/a", "feature/b"), again.merged());
    assertEquals(head, new GitCli(integration).head());
  }
}
