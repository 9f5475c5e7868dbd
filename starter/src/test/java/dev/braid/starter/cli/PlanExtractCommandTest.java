package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.testsupport.TestRepos;
import dev.braid.starter.transcript.PlanTexts;
import dev.braid.starter.transcript.TranscriptFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code braid plan extract --transcript FILE} on transcripts in Claude Code's record format: what
 * it writes, and that a refused plan writes nothing at all and exits 2.
 */
class PlanExtractCommandTest {
  @TempDir Path tmp;
  private Path repo;

  @BeforeEach
  void setUp() throws Exception {
    repo = TestRepos.init(tmp.resolve("repo"), "extract");
  }

  @Test
  void thePlanIsWrittenAndSaysWhereItCameFrom() throws Exception {
    Path transcript =
        new TranscriptFile()
            .user("plan it")
            .assistant(PlanTexts.twoTasks("Two files"))
            .writeTo(tmp.resolve("session.jsonl"));

    CliHarness.Result r = extract(transcript);

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out().startsWith("Found a plan in " + transcript + ", line 3 (named with --transcript)."),
        r.out());
    assertTrue(
        r.out().contains("Wrote " + repo.resolve(".parallel/plans") + ": 'Two files', 2 tasks"),
        r.out());
    assertTrue(
        r.out().contains("tasks/task-1.md          from '### Task 1: Write b' (message line 64)"),
        r.out());
    CliHarness.Result valid =
        CliHarness.run("plan", "validate", "--plan", repo.resolve(".parallel/plans").toString());
    assertEquals(0, valid.exitCode(), valid.err());
    assertTrue(valid.out().startsWith("OK: plan 'Two files'"), valid.out());
  }

  @Test
  void aTranscriptWithoutAPlanWritesNothing() throws Exception {
    Path transcript =
        new TranscriptFile()
            .user("hi")
            .assistant("Hello! What shall we build?")
            .writeTo(tmp.resolve("s.jsonl"));

    CliHarness.Result r = extract(transcript);

    assertEquals(2, r.exitCode());
    assertTrue(
        r.err()
            .startsWith(
                "braid: no plan in "
                    + transcript
                    + " (named with --transcript): no assistant message holds both the marker **Type:** Plan"),
        r.err());
    assertFalse(Files.exists(repo.resolve(".parallel")));
  }

  @Test
  void aMalformedTaskBlockIsRefusedWithItsFileAndLines() throws Exception {
    String broken =
        PlanTexts.twoTasks("Broken")
            .replace("dependencies:\n  - task-0\n", "dependencies: [task-0\n");
    Path transcript =
        new TranscriptFile().user("plan").assistant(broken).writeTo(tmp.resolve("s.jsonl"));

    CliHarness.Result r = extract(transcript);

    assertEquals(2, r.exitCode());
    assertTrue(
        r.err()
            .startsWith(
                "braid: the plan in "
                    + transcript
                    + ", line 3 (an assistant message), cannot be extracted; nothing was written:\n"
                    + "  message line 70: the frontmatter of '### Task 1: Write b' (message line 64) is not valid YAML:"),
        r.err());
    assertFalse(Files.exists(repo.resolve(".parallel")));
  }

  @Test
  void aPlanStructureWithAYamlErrorIsRefusedWithItsLine() throws Exception {
    String broken =
        PlanTexts.twoTasks("Broken").replace("    priority: \"high\"\n", "    priority: \"high\n");
    Path transcript = new TranscriptFile().assistant(broken).writeTo(tmp.resolve("s.jsonl"));

    CliHarness.Result r = extract(transcript);

    assertEquals(2, r.exitCode());
    assertTrue(
        r.err()
            .contains(
                ", line 2 (an assistant message), cannot be extracted; nothing was written:\n  message line "),
        r.err());
    assertTrue(r.err().contains(": the Plan Structure's YAML is not valid YAML: "), r.err());
    assertFalse(Files.exists(repo.resolve(".parallel")));
  }

  @Test
  void aPlanThatWouldNotRunIsRefusedByTheValidatorWithWhereEachProblemCameFrom() throws Exception {
    String cyclic =
        PlanTexts.twoTasks("Cycle")
            .replace(
                "dependencies: []\n  - id: \"task-1\"",
                "dependencies: [\"task-1\"]\n  - id: \"task-1\"");
    Path transcript = new TranscriptFile().assistant(cyclic).writeTo(tmp.resolve("s.jsonl"));

    CliHarness.Result r = extract(transcript);

    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains(", line 2, would not run; nothing was written:"), r.err());
    assertTrue(
        r.err()
            .contains(
                "plan.yaml: task 'task-0': dependencies: form a cycle: task-0 -> task-1 -> task-0 [from '## Plan Structure' (message line 15)]"),
        r.err());
    assertFalse(Files.exists(repo.resolve(".parallel")));
  }

  @Test
  void aPlanAlreadyThereIsKeptUnlessForcedAndThenMovedAside() throws Exception {
    Path transcript =
        new TranscriptFile().assistant(PlanTexts.twoTasks("New")).writeTo(tmp.resolve("s.jsonl"));
    Path plan = repo.resolve(".parallel/plans/plan.yaml");
    Files.createDirectories(plan.getParent());
    Files.writeString(plan, "metadata: {name: Old}\ntasks: []\n");

    CliHarness.Result refused = extract(transcript);
    assertEquals(2, refused.exitCode());
    assertTrue(
        refused.err().contains("already holds a plan (plan.yaml); nothing was written"),
        refused.err());
    assertTrue(Files.readString(plan).contains("Old"));

    CliHarness.Result forced = extract(transcript, "--force");
    assertEquals(0, forced.exitCode(), forced.err());
    assertTrue(Files.readString(plan).contains("name: \"New\""));
    assertTrue(
        forced
            .out()
            .contains(
                "The plan that was there is now in "
                    + repo.resolve(".parallel/archive/plans-replaced-")),
        forced.out());
  }

  @Test
  void jsonSaysTheSameForScripts() throws Exception {
    Path transcript =
        new TranscriptFile().assistant(PlanTexts.twoTasks("Json")).writeTo(tmp.resolve("s.jsonl"));
    CliHarness.Result r = extract(transcript, "--json");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"line\" : 2"), r.out());
    assertTrue(r.out().contains("\"file\" : \"tasks/task-0.md\""), r.out());
  }

  private CliHarness.Result extract(Path transcript, String... more) {
    String[] args = new String[5 + more.length];
    args[0] = "plan";
    args[1] = "extract";
    args[2] = "--repo=" + repo;
    args[3] = "--transcript";
    args[4] = transcript.toString();
    System.arraycopy(more, 0, args, 5, more.length);
    return CliHarness.run(args);
  }
}
