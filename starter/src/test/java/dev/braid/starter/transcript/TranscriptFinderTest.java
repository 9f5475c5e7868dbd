package dev.braid.starter.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.cli.UsageError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which transcript is the session's. */
class TranscriptFinderTest {
  @TempDir Path tmp;

  @Test
  void theFolderIsTheWorkingDirectoryWithEveryOtherCharacterThanLettersAndDigitsAsADash() {
    assertEquals(
        tmp.resolve("projects/-src-my-app-v2"),
        ClaudeProjects.folder(tmp.resolve("projects"), Path.of("/src/my.app_v2")));
  }

  @Test
  void aSubagentsTranscriptNewerThanTheMainOneIsPassedOver() throws Exception {
    Path folder = tmp.resolve("config/projects/-src-app");
    Path main = touch(folder.resolve("5f1c2d3e-main.jsonl"), 1_000);
    touch(folder.resolve("older-session.jsonl"), 500);
    touch(folder.resolve("agent-a1b2c3.jsonl"), 2_000);

    Transcript found = finder(Map.of()).find(null, List.of(Path.of("/src/app")));

    assertEquals(main, found.file());
    assertTrue(found.how().startsWith("the newest main-session transcript"), found.how());
  }

  @Test
  void thePlanOfTheMainSessionIsExtractedThoughASubagentWroteLater() throws Exception {
    Path repo = dev.braid.starter.testsupport.TestRepos.init(tmp.resolve("repo"), "finder");
    Path folder = ClaudeProjects.folder(tmp.resolve("config/projects"), repo);
    new TranscriptFile()
        .user("plan it")
        .assistant(PlanTexts.twoTasks("Main session"))
        .writeTo(folder.resolve("5f1c2d3e-main.jsonl"));
    Files.setLastModifiedTime(
        folder.resolve("5f1c2d3e-main.jsonl"), FileTime.fromMillis(1_700_000_000_000L));
    // A subagent's transcript, written after the plan: it carries a plan of its own (a draft).
    new TranscriptFile()
        .assistant(PlanTexts.twoTasks("Subagent draft"))
        .writeTo(folder.resolve("agent-a1b2c3.jsonl"));

    Transcript found = finder(Map.of()).find(null, List.of(repo));
    Extraction extraction = PlanExtraction.extract(found, repo, false);

    assertEquals("Main session", extraction.plan().name());
    assertTrue(
        Files.readString(repo.resolve(".parallel/plans/plan.yaml")).contains("Main session"));
  }

  @Test
  void insideClaudeCodeTheCurrentSessionsFileIsTaken() throws Exception {
    Path folder = tmp.resolve("config/projects/-src-app");
    touch(folder.resolve("newer-other-session.jsonl"), 2_000);
    // The session started in a subfolder: its transcript is in that folder's project.
    Path current = touch(tmp.resolve("config/projects/-src-app-web/abc-123.jsonl"), 1_000);

    Transcript found =
        finder(Map.of("CLAUDE_CODE_SESSION_ID", "abc-123"))
            .find(null, List.of(Path.of("/src/app")));

    assertEquals(current, found.file());
  }

  @Test
  void noTranscriptSaysWhereItLooked() {
    UsageError e =
        assertThrows(
            UsageError.class, () -> finder(Map.of()).find(null, List.of(Path.of("/src/app"))));
    assertTrue(
        e.getMessage().contains(tmp.resolve("config/projects/-src-app").toString()),
        e.getMessage());
  }

  private TranscriptFinder finder(Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("CLAUDE_CONFIG_DIR", tmp.resolve("config").toString());
    return new TranscriptFinder(all, "--transcript");
  }

  private static Path touch(Path file, long secondsAfterEpoch) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{}\n");
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(1_700_000_000_000L + secondsAfterEpoch * 1000));
    return file;
  }
}
