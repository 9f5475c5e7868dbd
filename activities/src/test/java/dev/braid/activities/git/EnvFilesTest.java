package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.PrepareRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFilesTest {
  @TempDir Path dir;

  private TestRepo repo;

  @BeforeEach
  void createRepo() {
    repo = TestRepo.create(dir);
  }

  private Path prepare(String taskId, List<String> copyFiles) {
    return Path.of(
        repo.worktrees()
            .prepare(
                new PrepareRequest(
                    repo.repo.toString(), taskId, "main", List.of(), copyFiles, null))
            .path());
  }

  @Test
  void defaultEnvFilesAreCopiedAndNeverCommitted() throws Exception {
    TestRepo.write(repo.repo.resolve(".env"), "SECRET=1\n");
    TestRepo.write(repo.repo.resolve(".env.local"), "LOCAL=2\n");

    Path worktree =
        Path.of(
            repo.worktrees()
                .prepare(new PrepareRequest(repo.repo.toString(), "t1", "main", List.of()))
                .path());

    assertEquals("SECRET=1\n", Files.readString(worktree.resolve(".env")));
    assertEquals("LOCAL=2\n", Files.readString(worktree.resolve(".env.local")));
    // What braid commits after an agent is `git add -A`: the copies must not be part of it.
    TestRepo.gitIn(worktree, "add", "-A");
    assertEquals("", TestRepo.gitIn(worktree, "status", "--porcelain", "--untracked-files=all"));
    repo.commit(worktree, "work.txt", "work\n", "Agent work");
    String history = TestRepo.gitIn(worktree, "log", "--all", "--name-only", "--format=");
    assertFalse(history.contains(".env"), history);
  }

  @Test
  void configuredFilesAreCopiedOnceAndAnAgentsEditIsKept() throws Exception {
    TestRepo.write(repo.repo.resolve("config/dev.json"), "{}\n");
    Path worktree = prepare("t1", List.of("config/dev.json", "missing.txt"));
    assertEquals("{}\n", Files.readString(worktree.resolve("config/dev.json")));
    assertFalse(Files.exists(worktree.resolve("missing.txt")));

    TestRepo.write(worktree.resolve("config/dev.json"), "{\"edited\": true}\n");
    prepare("t1", List.of("config/dev.json"));
    assertEquals("{\"edited\": true}\n", Files.readString(worktree.resolve("config/dev.json")));
  }

  @Test
  void aTrackedFileIsNeverOverwrittenByTheCheckoutsEditedCopy() throws Exception {
    repo.commit(repo.repo, ".env", "TRACKED=1\n", "Track .env");
    TestRepo.write(repo.repo.resolve(".env"), "EDITED=1\n");
    Path worktree = prepare("t1", List.of(".env"));
    assertEquals("TRACKED=1\n", Files.readString(worktree.resolve(".env")));
    assertTrue(TestRepo.gitIn(worktree, "status", "--porcelain").isEmpty());
  }
}
