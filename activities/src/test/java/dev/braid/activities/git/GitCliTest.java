package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCliTest {
  @TempDir Path dir;

  @Test
  void aLinkedWorktreeSharesTheMainCheckoutsCommonDir() {
    TestRepo test = TestRepo.create(dir);
    Path tree = dir.resolve("tree");
    test.git("worktree", "add", "--quiet", "-b", "side", tree.toString());
    Path expected = test.repo.resolve(".git").toAbsolutePath().normalize();
    assertEquals(expected, new GitCli(test.repo).commonDir());
    assertEquals(expected, new GitCli(tree).commonDir());
  }

  @Test
  void theCommonDirIsAskedOfGitOncePerInstance() throws Exception {
    TestRepo test = TestRepo.create(dir);
    GitCli git = new GitCli(test.repo);
    Path first = git.commonDir();
    // Once git can no longer answer, only a remembered answer can come back.
    Files.move(test.repo.resolve(".git"), dir.resolve("moved.git"));
    assertEquals(first, git.commonDir());
    assertThrows(GitException.class, () -> new GitCli(test.repo).commonDir());
  }
}
