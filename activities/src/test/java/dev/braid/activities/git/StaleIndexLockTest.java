package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleIndexLockTest {
  @TempDir Path dir;

  private TestRepo test;
  private GitCli git;
  private Path lock;

  /** A repository with an {@code index.lock} as a git killed mid-write leaves it. */
  @BeforeEach
  void lockedRepository() throws Exception {
    test = TestRepo.create(dir);
    git = new GitCli(test.repo);
    lock = git.gitDir().resolve("index.lock");
    Files.createFile(lock);
  }

  @Test
  void aLockNoProcessHoldsIsRemovedAndGitWritesTheIndexAgain() throws Exception {
    Files.writeString(test.repo.resolve("work.txt"), "work\n");
    assertThrows(GitException.class, () -> git.commitAll("blocked by the lock"));

    assertTrue(git.clearStaleIndexLock());

    assertFalse(Files.exists(lock));
    assertTrue(git.commitAll("the work").isPresent());
    assertFalse(git.clearStaleIndexLock(), "no lock, nothing to do");
  }

  @Test
  void aLockIsKeptWhileAProcessWorksInTheWorktree() throws Exception {
    Process working =
        new ProcessBuilder("sleep", "60").directory(test.repo.resolve(".git").toFile()).start();
    try {
      assertFalse(git.clearStaleIndexLock());
      assertTrue(Files.exists(lock), "the lock may be that process's");
    } finally {
      working.destroyForcibly().waitFor();
    }
    assertTrue(git.clearStaleIndexLock(), "stale once the process is gone");
  }
}
