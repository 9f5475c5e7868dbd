package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two tasks that declare the same file, on the real dev server with the real launcher: under {@code
 * --overlap ignore} they run at the same time and the second to merge conflicts (the resolver
 * settles it); under the default, {@code serialize}, the second waits for the first's merge, starts
 * from its work and merges cleanly. Each task's agent waits a moment for the other to be running
 * too ({@code meet}), so whether they overlapped is seen, not timed.
 */
@Tag("e2e")
class OverlapEndToEndIT extends EndToEndTest {

  @Test
  void overlappingTasksConflictWhenIgnoredAndNotWhenSerialized() throws Exception {
    Path origin = TestRepos.bareOrigin(tmp);
    repo = TestRepos.init(tmp.resolve("repo"), "overlap");
    String agent = ScriptedAgent.COMMAND.toString();
    Files.writeString(
        repo.resolve("braid.yaml"),
        """
        agent:
          tiers:
            - {name: fast, command: [%s], attempts: 1, timeout: 2m}
          resolver: {name: resolver, command: [%s], attempts: 1, timeout: 2m}
        maxParallel: 4
        """
            .formatted(agent, agent));
    Files.writeString(repo.resolve("notes.txt"), "notes\n");
    plan("ignored", "a", "b");
    plan("serialized", "c", "d");
    TestRepos.commitAll(repo, "two plans whose tasks declare notes.txt");
    TestRepos.pushToOrigin(repo, origin);

    // What braid will do is said before anything runs.
    BraidProcess.Result graph =
        BraidProcess.run(repo, "plan", "graph", "--plan", ".parallel/serialized");
    assertTrue(graph.out().contains("c and d: notes.txt (d waits for c's merge)"), graph.out());

    BraidProcess.Result ignored =
        BraidProcess.run(
            repo, "execute", "--plan", ".parallel/ignored", "--overlap", "ignore", "--json");
    assertEquals(0, ignored.exitCode(), ignored.toString());
    Map<String, JsonNode> first = tasks(ignored);
    assertTrue(log("a").contains("met b: it runs at the same time"), log("a"));
    // The second to merge met the first's notes.txt and went to the resolver.
    List<String> resolved =
        Stream.of("a", "b").filter(id -> tiers(first.get(id)).contains("resolver")).toList();
    assertEquals(1, resolved.size(), ignored.out());

    BraidProcess.Result serialized =
        BraidProcess.run(repo, "execute", "--plan", ".parallel/serialized", "--json");
    assertEquals(0, serialized.exitCode(), serialized.toString());
    Map<String, JsonNode> second = tasks(serialized);
    assertTrue(log("c").contains("d did not come within 3 s"), log("c"));
    for (String id : List.of("c", "d")) {
      assertEquals(List.of("fast"), tiers(second.get(id)), id + " needed no resolver");
      assertEquals(1, second.get(id).get("attempts").asInt(), id + " ran once");
    }
    // d started from c's merged work: its branch holds c's.
    Git.run(repo, "merge-base", "--is-ancestor", "feature/c", "feature/d");
    JsonNode merge = JSON.readTree(serialized.out()).get("merge");
    assertEquals(0, merge.get("conflicted").size(), serialized.out());
    assertEquals("notes by d\n", Files.readString(repo.resolve("notes.txt")));
    assertEquals(Git.run(repo, "rev-parse", "main"), Git.run(origin, "rev-parse", "main"));
  }

  /** A plan of two tasks that both declare notes.txt, each meeting the other. */
  private void plan(String dir, String first, String second) throws IOException {
    Path tasks = Files.createDirectories(repo.resolve(".parallel/" + dir + "/tasks"));
    Files.writeString(
        repo.resolve(".parallel/" + dir + "/plan.yaml"),
        """
        metadata: {name: overlap %1$s}
        tasks:
          - {id: %2$s, name: Notes by %2$s, file: tasks/%2$s.md, priority: high}
          - {id: %3$s, name: Notes by %3$s, file: tasks/%3$s.md, priority: medium}
        """
            .formatted(dir, first, second));
    task(tasks, first, second);
    task(tasks, second, first);
  }

  private static void task(Path tasks, String id, String other) throws IOException {
    Files.writeString(
        tasks.resolve(id + ".md"),
        """
        ---
        id: %1$s
        status: pending
        ---

        # Notes by %1$s

        ## 📁 Files to Touch

        **Modify:**
        - `notes.txt`

        ```json scripted-agent
        {"meet": {"task": "%2$s", "seconds": 3}, "files": {"notes.txt": "notes by %1$s\\n"}}
        ```
        """
            .formatted(id, other));
  }

  private String log(String task) throws IOException {
    try (Stream<Path> files = Files.walk(repo.resolve(".parallel/logs"))) {
      Path log =
          files
              .filter(f -> f.getFileName().toString().equals("1-fast.log"))
              .filter(f -> f.getParent().getFileName().toString().equals(task))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no log of " + task));
      return Files.readString(log);
    }
  }

  private static Map<String, JsonNode> tasks(BraidProcess.Result result) throws IOException {
    JsonNode run = JSON.readTree(result.out());
    assertEquals("done", run.get("status").asText(), result.toString());
    Map<String, JsonNode> tasks = new HashMap<>();
    run.get("tasks").forEach(t -> tasks.put(t.get("id").asText(), t));
    return tasks;
  }

  private static List<String> tiers(JsonNode task) {
    return JSON.convertValue(
        task.get("tiers"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }
}
