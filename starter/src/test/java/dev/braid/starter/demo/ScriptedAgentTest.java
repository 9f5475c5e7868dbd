package dev.braid.starter.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scripted agent does what its task file says, and refuses scripts it does not understand. */
class ScriptedAgentTest {
  private static final Path AGENT = Subprocess.braidHome().resolve(DemoProject.SCRIPTED_AGENT);

  @TempDir Path worktree;
  @TempDir Path plans;

  @Test
  void writesAndAppendsFiles() throws Exception {
    Files.writeString(worktree.resolve("notes.txt"), "one\n");
    Path task =
        task(
            "{\"files\": {\"src/deep/a.py\": \"x = 1\\n\"}, \"append\": {\"notes.txt\": \"two\\n\"}}");
    Subprocess.Result result = agent(task, 1, "fast", Map.of());
    assertEquals(0, result.exit(), result.output());
    assertEquals("x = 1\n", Files.readString(worktree.resolve("src/deep/a.py")));
    assertEquals("one\ntwo\n", Files.readString(worktree.resolve("notes.txt")));
    assertTrue(result.output().contains("scripted-agent: wrote src/deep/a.py"), result.output());
  }

  @Test
  void failsTheFirstAttemptsWithoutWriting() throws Exception {
    Path task = task("{\"failTimes\": 2, \"files\": {\"a.txt\": \"a\"}}");
    assertEquals(1, agent(task, 1, "fast", Map.of()).exit());
    assertEquals(1, agent(task, 2, "fast", Map.of()).exit());
    assertFalse(Files.exists(worktree.resolve("a.txt")));
    assertEquals(0, agent(task, 3, "strong", Map.of()).exit());
    assertTrue(Files.exists(worktree.resolve("a.txt")));
  }

  @Test
  void failsOnTheListedTiers() throws Exception {
    Path task = task("{\"failOnTiers\": [\"fast\"]}");
    assertEquals(1, agent(task, 5, "fast", Map.of()).exit());
    assertEquals(0, agent(task, 1, "strong", Map.of()).exit());
  }

  @Test
  void writesBadFilesUntilTheGivenAttempt() throws Exception {
    Path task =
        task(
            "{\"badFilesUntilAttempt\": 3, \"badFiles\": {\"a.py\": \"bad\"}, \"files\": {\"a.py\": \"good\"}}");
    assertEquals(0, agent(task, 2, "fast", Map.of()).exit());
    assertEquals("bad", Files.readString(worktree.resolve("a.py")));
    assertEquals(0, agent(task, 3, "strong", Map.of()).exit());
    assertEquals("good", Files.readString(worktree.resolve("a.py")));
  }

  @Test
  void rejectsUnknownKeysAndUnsafePaths() throws Exception {
    Subprocess.Result typo = agent(task("{\"failTime\": 1}"), 1, "fast", Map.of());
    assertEquals(2, typo.exit(), typo.output());
    assertTrue(typo.output().contains("unknown key(s) failTime"), typo.output());

    Subprocess.Result escape = agent(task("{\"files\": {\"../x\": \"\"}}"), 1, "fast", Map.of());
    assertEquals(2, escape.exit(), escape.output());

    Subprocess.Result notJson = agent(task("{files: 1}"), 1, "fast", Map.of());
    assertEquals(2, notJson.exit(), notJson.output());
    assertTrue(notJson.output().contains("not valid JSON"), notJson.output());
  }

  @Test
  void doesNothingWithoutAScriptBlock() throws Exception {
    Path task = plans.resolve("plain.md");
    Files.writeString(task, "# Plain\n\nNo script here.\n");
    Subprocess.Result result = agent(task, 1, "fast", Map.of());
    assertEquals(0, result.exit());
    assertTrue(result.output().contains("nothing to do"), result.output());
  }

  @Test
  void printsUsageAsTheLastLineInClaudeCodesShape() throws Exception {
    Path task =
        task(
            "{\"usage\": {\"total_cost_usd\": 0.01, \"input_tokens\": 100, \"output_tokens\": 50, \"num_turns\": 3}}");
    Subprocess.Result result = agent(task, 2, "fast", Map.of("BRAID_TASK_ID", "t9"));
    assertEquals(0, result.exit(), result.output());
    JsonNode json = new ObjectMapper().readTree(result.lastLine());
    assertEquals("result", json.get("type").asText());
    assertEquals(0.01, json.get("total_cost_usd").asDouble());
    assertEquals(3, json.get("num_turns").asInt());
    assertEquals("scripted-t9-2", json.get("session_id").asText());
    assertEquals(100, json.get("usage").get("input_tokens").asInt());
    assertEquals(50, json.get("usage").get("output_tokens").asInt());

    Subprocess.Result quiet = agent(task("{}"), 1, "fast", Map.of());
    assertFalse(quiet.output().contains("{"), "no usage, no JSON:\n" + quiet.output());
  }

  @Test
  void needsGuidanceWhenTold() throws Exception {
    Path task = task("{\"requireGuidance\": true}");
    assertEquals(1, agent(task, 1, "fast", Map.of()).exit());
    Path guidance = plans.resolve("guidance.txt");
    Files.writeString(guidance, "Use the standard library.\n");
    Subprocess.Result result =
        agent(task, 2, "fast", Map.of("BRAID_GUIDANCE_FILE", guidance.toString()));
    assertEquals(0, result.exit(), result.output());
    assertTrue(result.output().contains("Use the standard library."), result.output());
  }

  @Test
  void meetsAnotherTaskWhoseMarkIsThereAndSaysSoWhenItDoesNotCome() throws Exception {
    assertEquals(
        0, new ProcessBuilder("git", "init", "-q").directory(worktree.toFile()).start().waitFor());
    Path task = task("{\"meet\": {\"task\": \"b\", \"seconds\": 0.5}}");
    Subprocess.Result alone = agent(task, 1, "fast", Map.of("BRAID_RUN_ID", "r1"));
    assertEquals(0, alone.exit(), alone.output());
    assertTrue(alone.output().contains("b did not come within 0.5 s"), alone.output());

    Path marks = Files.createDirectories(worktree.resolve(".git/scripted-agent-meet/r2"));
    Files.writeString(marks.resolve("b"), "running");
    Subprocess.Result met = agent(task, 1, "fast", Map.of("BRAID_RUN_ID", "r2"));
    assertEquals(0, met.exit(), met.output());
    assertTrue(met.output().contains("met b: it runs at the same time"), met.output());

    Subprocess.Result typo = agent(task("{\"meet\": {\"task\": \"b\"}}"), 1, "fast", Map.of());
    assertEquals(2, typo.exit(), typo.output());
    assertTrue(typo.output().contains("`meet.seconds` must be a positive number"), typo.output());
  }

  @Test
  void crashesAfterWritingItsFiles() throws Exception {
    Path task = task("{\"crash\": true, \"files\": {\"kept.txt\": \"work\"}}");
    Subprocess.Result result = agent(task, 1, "fast", Map.of());
    assertEquals(128 + 9, result.exit(), "killed by SIGKILL:\n" + result.output());
    assertEquals("work", Files.readString(worktree.resolve("kept.txt")));
  }

  @Test
  void hangsWithChildrenAndIgnoresSigterm() throws Exception {
    Path task =
        task(
            "{\"hangSeconds\": 120, \"ignoreSigterm\": true, \"forkChildren\": 2, \"files\": {\"late.txt\": \"\"}}");
    Process agent = start(task, 1, "fast", Map.of());
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
        if (line.contains("hanging for")) {
          break;
        }
      }
      assertEquals(
          2, lines.stream().filter(l -> l.contains("forked child")).count(), lines.toString());
      List<ProcessHandle> children = agent.descendants().toList();
      assertEquals(2, children.size(), "two live children");

      agent.destroy(); // SIGTERM, which it ignores
      assertFalse(agent.waitFor(1, TimeUnit.SECONDS), "still hanging after SIGTERM");
      assertFalse(Files.exists(worktree.resolve("late.txt")), "nothing written while hanging");
    } finally {
      List<ProcessHandle> tree = agent.descendants().toList();
      agent.destroyForcibly();
      tree.forEach(ProcessHandle::destroyForcibly);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
      while (tree.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      assertTrue(agent.waitFor(10, TimeUnit.SECONDS));
      assertTrue(tree.stream().noneMatch(ProcessHandle::isAlive), "the whole tree is gone");
    }
  }

  @Test
  void hangsOnlyUntilTheGivenAttempt() throws Exception {
    Path task =
        task("{\"hangSeconds\": 120, \"hangUntilAttempt\": 2, \"files\": {\"a.txt\": \"a\"}}");
    Subprocess.Result result = agent(task, 2, "fast", Map.of());
    assertEquals(0, result.exit(), result.output());
    assertTrue(Files.exists(worktree.resolve("a.txt")));
  }

  private Path task(String script) throws IOException {
    Path task = Files.createTempFile(plans, "task-", ".md");
    Files.writeString(
        task,
        "---\nid: t\npriority: high\nstatus: pending\ndependencies: []\n---\n\n# A task\n\n"
            + "```json scripted-agent\n"
            + script
            + "\n```\n");
    return task;
  }

  private Subprocess.Result agent(Path task, int attempt, String tier, Map<String, String> extra)
      throws Exception {
    return Subprocess.run(worktree, env(task, attempt, tier, extra), List.of(AGENT.toString()));
  }

  private Process start(Path task, int attempt, String tier, Map<String, String> extra)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(AGENT.toString()).directory(worktree.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env(task, attempt, tier, extra));
    return builder.start();
  }

  private static Map<String, String> env(
      Path task, int attempt, String tier, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("BRAID_TASK_ID", "t");
    env.put("BRAID_TASK_FILE", task.toString());
    env.put("BRAID_PROMPT_FILE", task.toString());
    env.put("BRAID_ATTEMPT", Integer.toString(attempt));
    env.put("BRAID_TIER", tier);
    env.putAll(extra);
    return env;
  }
}
