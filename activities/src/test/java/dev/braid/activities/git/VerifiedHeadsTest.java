package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedHeadsTest {
  @TempDir Path gitDir;

  @Test
  void aCommitIsVerifiedForTheCommandsThatCheckedItOnly() {
    List<List<String>> setup = List.of(List.of("npm", "ci"));
    List<List<String>> checks = List.of(List.of("npm", "test"));
    new VerifiedHeads(gitDir, setup, checks).add("abc123");

    assertTrue(new VerifiedHeads(gitDir, setup, checks).contains("abc123"));
    assertFalse(new VerifiedHeads(gitDir, setup, checks).contains("def456"));
    assertFalse(
        new VerifiedHeads(gitDir, setup, List.of(List.of("npm", "run", "lint"))).contains("abc123"),
        "other checks never passed on it");
    assertFalse(
        new VerifiedHeads(gitDir, List.of(), checks).contains("abc123"), "nor without the setup");
  }
}
