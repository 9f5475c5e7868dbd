package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptLogTest {
  @TempDir Path repo;

  @Test
  void theLogsFolderIsTheOwnersOnly() throws Exception {
    AttemptLog log = AttemptLog.of(repo, "r", null, "t", 1, "fast");
    log.header("agent x");

    Path logs = repo.resolve(".parallel/logs");
    assertEquals(
        "rwx------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            java.nio.file.Files.getPosixFilePermissions(logs)));
  }

  @Test
  void pathElementsAreSanitized() {
    AttemptLog log = AttemptLog.of(repo, "plan/run:1 x", null, "t1", 3, "fast");
    assertEquals(repo.resolve(".parallel/logs/plan_run_1_x/t1/3-fast.log"), log.file());
    assertEquals("__", AttemptLog.safe(".."));
    assertEquals("a.b-c_d", AttemptLog.safe("a.b-c_d"));
  }

  @Test
  void eachTemporalRunHasAFolderOfItsOwnAndItsNameIsSanitizedToo() {
    assertEquals(
        repo.resolve(".parallel/logs/r/0f3e-9a/t1/2-strong.log"),
        AttemptLog.of(repo, "r", "0f3e-9a", "t1", 2, "strong").file());
    assertEquals(
        repo.resolve(".parallel/logs/r/.._etc/t1/1-fast.log"),
        AttemptLog.of(repo, "r", "../etc", "t1", 1, "fast").file());
  }

  @Test
  void readsOnlyTheSectionSinceAnOffsetBoundedFromTheEnd() throws Exception {
    AttemptLog log = AttemptLog.of(repo, "r", null, "t", 1, "fast");
    log.header("agent");
    Files.writeString(log.file(), "agent output\n", java.nio.file.StandardOpenOption.APPEND);
    log.header("check 1/1");
    long from = log.size();
    Files.writeString(log.file(), "0123456789", java.nio.file.StandardOpenOption.APPEND);
    assertEquals("0123456789", log.since(from, 100));
    assertEquals("6789", log.since(from, 4));
    assertEquals(
        "=== braid: agent ===\nagent output\n\n=== braid: check 1/1 ===\n0123456789",
        Files.readString(log.file()));
  }

  @Test
  void formatsDurationsLikeTheConfig() {
    assertEquals("5m", HumanDuration.format(java.time.Duration.ofMinutes(5)));
    assertEquals("1h30m", HumanDuration.format(java.time.Duration.ofMinutes(90)));
    assertEquals("1m5s", HumanDuration.format(java.time.Duration.ofSeconds(65)));
    assertEquals("0s", HumanDuration.format(java.time.Duration.ZERO));
  }
}
