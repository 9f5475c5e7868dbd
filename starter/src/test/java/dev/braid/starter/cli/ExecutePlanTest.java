package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.run.Workspace;
import dev.braid.starter.testsupport.TestRepos;
import dev.braid.starter.transcript.PlanTexts;
import dev.braid.starter.transcript.TranscriptFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code execute} finds its plan as {@code /ctx:execute} does: on disk, else in the session. */
class ExecutePlanTest {
  @TempDir Path tmp;
  private Path repo;
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    repo = TestRepos.init(tmp.resolve("repo"), "execute-plan");
  }

  @Test
  void outsideClaudeCodeWithNoPlanItSaysHowToMakeOne() {
    UsageError e = assertThrows(UsageError.class, () -> resolve(null, Map.of()));
    assertTrue(
        e.getMessage().startsWith("no plan at " + repo.resolve(".parallel/plans") + " or "),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("type /braid:execute there (set it up with: braid init claude)"),
        e.getMessage());
    assertFalse(Files.exists(repo.resolve(".parallel")));
  }

  @Test
  void insideClaudeCodeThePlanOfTheCurrentSessionIsExtracted() throws Exception {
    new TranscriptFile()
        .assistant(PlanTexts.twoTasks("From the session"))
        .writeTo(sessionFolder().resolve("abc-1.jsonl"));

    Workspace ws = resolve(null, claudeCode("abc-1"));

    assertEquals(repo.resolve(".parallel/plans"), ws.planDir());
    assertTrue(Files.isRegularFile(repo.resolve(".parallel/plans/tasks/task-1.md")));
    assertTrue(
        err.toString()
            .startsWith(
                "braid: no plan on disk; taking the one made in the Claude Code session.\nFound a plan in "
                    + sessionFolder().resolve("abc-1.jsonl")
                    + ", line 2 (the current Claude Code session's (abc-1))."),
        err.toString());
  }

  @Test
  void aPlanOnDiskWinsOverTheSession() throws Exception {
    Path active = repo.resolve(".parallel/plans/active/plan.yaml");
    Files.createDirectories(active.getParent());
    Files.writeString(active, "tasks: []\n");
    new TranscriptFile()
        .assistant(PlanTexts.twoTasks("Ignored"))
        .writeTo(sessionFolder().resolve("abc-1.jsonl"));

    Workspace ws = resolve("", claudeCode("abc-1"));

    assertEquals(repo.resolve(".parallel/plans/active"), ws.planDir());
    assertFalse(Files.exists(repo.resolve(".parallel/plans/plan.yaml")));
    assertTrue(
        err.toString().contains("--from-transcript is for when there is none"), err.toString());
  }

  @Test
  void aSessionWithoutAPlanIsRefusedAndNothingIsCreated() throws Exception {
    new TranscriptFile()
        .user("hi")
        .assistant("Hello.")
        .writeTo(sessionFolder().resolve("abc-1.jsonl"));
    UsageError e = assertThrows(UsageError.class, () -> resolve(null, claudeCode("abc-1")));
    assertTrue(e.getMessage().startsWith("no plan in "), e.getMessage());
    assertFalse(Files.exists(repo.resolve(".parallel")));
  }

  @Test
  void insideClaudeCodeWithNoTranscriptItNamesExecutesOwnFlag() {
    UsageError e = assertThrows(UsageError.class, () -> resolve(null, claudeCode("abc-1")));
    assertTrue(e.getMessage().startsWith("no Claude Code transcript for this repository in "));
    // --transcript FILE is plan extract's flag; execute would refuse it.
    assertTrue(
        e.getMessage().endsWith("name a transcript with --from-transcript FILE)"), e.getMessage());
    assertFalse(Files.exists(repo.resolve(".parallel")));
  }

  @Test
  void aTranscriptNamedWithFromTranscriptIsSaidToBeSo() throws Exception {
    Path gone = tmp.resolve("gone.jsonl");
    UsageError missing = assertThrows(UsageError.class, () -> resolve(gone.toString(), Map.of()));
    assertEquals("--from-transcript: no such file: " + gone, missing.getMessage());

    Path named =
        new TranscriptFile()
            .assistant(PlanTexts.twoTasks("Named"))
            .writeTo(tmp.resolve("named.jsonl"));
    resolve(named.toString(), Map.of());

    assertTrue(
        err.toString()
            .contains("Found a plan in " + named + ", line 2 (named with --from-transcript)."),
        err.toString());
  }

  @Test
  void outsideClaudeCodeFromTranscriptTakesTheNewestMainSession() throws Exception {
    new TranscriptFile()
        .assistant(PlanTexts.twoTasks("Outside"))
        .writeTo(sessionFolder().resolve("abc-1.jsonl"));
    // No CLAUDECODE, no session id: only the flag asks for the transcript.
    Map<String, String> env = Map.of("CLAUDE_CONFIG_DIR", tmp.resolve("claude").toString());

    Workspace ws = resolve("", env);

    assertEquals(repo.resolve(".parallel/plans"), ws.planDir());
    assertTrue(Files.readString(repo.resolve(".parallel/plans/plan.yaml")).contains("Outside"));
    assertTrue(
        err.toString()
            .contains(
                "Found a plan in "
                    + sessionFolder().resolve("abc-1.jsonl")
                    + ", line 2 (the newest main-session transcript of "
                    + sessionFolder().getFileName()
                    + ")."),
        err.toString());
  }

  @Test
  void aNamedTranscriptWinsOverTheCurrentSessions() throws Exception {
    new TranscriptFile()
        .assistant(PlanTexts.twoTasks("Current session"))
        .writeTo(sessionFolder().resolve("abc-1.jsonl"));
    Path named =
        new TranscriptFile()
            .user("plan it")
            .assistant(PlanTexts.twoTasks("Named file"))
            .writeTo(tmp.resolve("elsewhere/named.jsonl"));

    Workspace ws = resolve(named.toString(), claudeCode("abc-1"));

    assertEquals(repo.resolve(".parallel/plans"), ws.planDir());
    String planYaml = Files.readString(repo.resolve(".parallel/plans/plan.yaml"));
    assertTrue(planYaml.contains("Named file"), planYaml);
    assertTrue(Files.isRegularFile(repo.resolve(".parallel/plans/tasks/task-1.md")));
    assertTrue(
        err.toString()
            .contains("Found a plan in " + named + ", line 3 (named with --from-transcript)."),
        err.toString());
  }

  private Workspace resolve(String fromTranscript, Map<String, String> env) {
    WorkspaceOptions options = new WorkspaceOptions();
    options.repo = repo;
    return ExecutePlan.resolve(options, fromTranscript, env, new PrintWriter(err, true));
  }

  private Map<String, String> claudeCode(String session) {
    return Map.of(
        "CLAUDECODE",
        "1",
        "CLAUDE_CODE_SESSION_ID",
        session,
        "CLAUDE_CONFIG_DIR",
        tmp.resolve("claude").toString());
  }

  private Path sessionFolder() {
    return tmp.resolve("claude/projects").resolve(repo.toString().replaceAll("[^a-zA-Z0-9]", "-"));
  }
}
