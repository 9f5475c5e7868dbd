package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The merge queue on the real dev server: dependents build on their dependencies' merged work, a
 * conflicting pair is resolved by the resolver agent, and main ends with a linear history of one
 * merge per task.
 */
@Tag("e2e")
class MergeQueueEndToEndIT extends EndToEndTest {
  @Test
  void dependentsBuildOnMergedWorkAndConflictsAreResolved() throws Exception {
    Path origin = TestRepos.bareOrigin(tmp);
    repo = MergeQueuePlan.create(tmp.resolve("repo"), origin);
    String initial = Git.run(repo, "rev-parse", "HEAD");

    BraidProcess.Result result = BraidProcess.run(repo, "execute", "--json");

    assertEquals(0, result.exitCode(), result.toString());
    JsonNode run = JSON.readTree(result.out());
    assertEquals("done", run.get("status").asText(), result.toString());
    Map<String, JsonNode> tasks = new HashMap<>();
    run.get("tasks").forEach(t -> tasks.put(t.get("id").asText(), t));

    // c started from a base holding a's and b's merged work, so its tests could pass at all.
    Git.run(repo, "merge-base", "--is-ancestor", "feature/a", "feature/c");
    Git.run(repo, "merge-base", "--is-ancestor", "feature/b", "feature/c");
    assertTrue(Files.readString(repo.resolve("greeting.py")).contains("def greet_loudly"));

    // One of d and e conflicted on notes.txt and went to the resolver, which kept its own side.
    List<String> resolved =
        List.of("d", "e").stream().filter(id -> tiers(tasks.get(id)).contains("resolver")).toList();
    assertEquals(1, resolved.size(), run.toString());
    String winner = resolved.get(0);
    assertEquals("notes written by " + winner + "\n", Files.readString(repo.resolve("notes.txt")));

    // main: linear along its first parents, one merge commit per task, each naming its branch.
    List<String> firstParents =
        List.of(
            Git.run(repo, "log", "--first-parent", "--format=%s", initial + "..main").split("\n"));
    assertEquals(5, firstParents.size(), firstParents.toString());
    for (String id : List.of("a", "b", "c", "d", "e")) {
      assertTrue(
          firstParents.contains("Merge feature/" + id + " (braid)"), firstParents.toString());
    }
    assertTrue(
        firstParents.indexOf("Merge feature/c (braid)")
            < firstParents.indexOf("Merge feature/a (braid)"),
        "c merged after a");
    assertEquals(Git.run(repo, "rev-parse", "main"), Git.run(origin, "rev-parse", "main"));
    assertEquals(Git.run(repo, "rev-parse", "main"), run.get("merge").get("targetHead").asText());
    assertTrue(run.get("merge").get("checksPassed").asBoolean());

    Process checks =
        new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "tests", "-q")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(checks.getInputStream().readAllBytes());
    assertEquals(0, checks.waitFor(), out);
  }

  private static List<String> tiers(JsonNode task) {
    return JSON.convertValue(
        task.get("tiers"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }
}
