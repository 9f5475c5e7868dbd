package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.braid.activity.UnmergedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which branches of tasks marked completed still hold work the target lacks. */
class UnmergedBranchesTest {
  @TempDir Path dir;

  @Test
  void onlyBranchesThatExistAndHoldWorkTheTargetLacksAreUnmerged() {
    TestRepo repo = TestRepo.create(dir);
    repo.taskWithFile("merged", "m.txt", "m\n");
    repo.git("merge", "--quiet", "--no-ff", "-m", "merge", "feature/merged");
    repo.taskWithFile("pending", "p.txt", "p\n");

    List<String> unmerged =
        repo.gitActivities()
            .unmerged(
                new UnmergedRequest(
                    repo.repo.toString(),
                    "main",
                    List.of("feature/merged", "feature/pending", "feature/gone")));

    assertEquals(List.of("feature/pending"), unmerged);
  }
}
