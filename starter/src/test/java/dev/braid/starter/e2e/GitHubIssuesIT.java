package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import dev.braid.testsupport.github.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code github.issues: true} in {@code pr} mode, on the real dev server against the GitHub
 * stand-in: each task gets one issue, its pull request closes it, and the issue is told when the
 * task is done; running the plan again finds the same issues instead of opening new ones.
 */
@Tag("e2e")
class GitHubIssuesIT extends EndToEndTest {
  private static final String TOKEN = "issues-token";

  @Test
  void eachTaskHasOneIssueThatItsPullRequestClosesAndARerunReusesThem() throws Exception {
    try (FakeGitHub github = new FakeGitHub(TOKEN, "octo", "app")) {
      Path origin = TestRepos.bareOrigin(tmp);
      repo = TestRepos.init(tmp.resolve("repo"), "issues");
      Files.writeString(
          repo.resolve("braid.yaml"),
          """
          agent:
            tiers:
              - {name: fast, command: [%s], attempts: 1, timeout: 2m}
          merge: {mode: pr, repository: octo/app}
          github: {issues: true}
          """
              .formatted(ScriptedAgent.COMMAND));
      Path tasks = Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
      Files.writeString(
          repo.resolve(".parallel/plans/plan.yaml"),
          """
          metadata: {name: issues}
          tasks:
            - {id: schema, name: Write the schema, file: tasks/schema.md, priority: high}
            - {id: api, name: Serve the schema, file: tasks/api.md, dependencies: [schema]}
          """);
      ScriptedAgent.writeTask(
          tasks, "schema", "Write the schema", "{\"files\": {\"s.txt\": \"s\"}}");
      ScriptedAgent.writeTask(tasks, "api", "Serve the schema", "{\"files\": {\"a.txt\": \"a\"}}");
      TestRepos.commitAll(repo, "a plan");
      TestRepos.pushToOrigin(repo, origin);
      github.branchesOf(origin);
      // The stand-in serves plain http on loopback: a worker trusts it only from its environment.
      Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.apiUrl());

      BraidProcess.Result first = BraidProcess.run(repo, env, "execute", "--json");

      assertEquals(0, first.exitCode(), first.toString());
      // An issue's title is its task file's first heading.
      Map<String, String> taskOf = Map.of("Write the schema", "schema", "Serve the schema", "api");
      Map<String, Integer> issueOf = new HashMap<>();
      for (ObjectNode issue : github.issues()) {
        issueOf.put(taskOf.get(issue.get("title").asText()), issue.get("number").asInt());
      }
      assertEquals(2, github.issues().size(), "one issue per task: " + github.issues());
      JsonNode run = JSON.readTree(first.out());
      for (JsonNode task : run.get("tasks")) {
        String id = task.get("id").asText();
        List<Integer> pulls = github.pullsFor("feature/" + id);
        assertEquals(1, pulls.size(), id + "'s pull requests: " + pulls);
        String body = github.pull(pulls.get(0)).get("body").asText();
        assertTrue(body.contains("Closes #" + issueOf.get(id)), id + "'s body: " + body);
        List<ObjectNode> comments = github.issueComments(issueOf.get(id));
        assertTrue(
            comments.stream()
                .anyMatch(c -> c.get("body").asText().contains("this task is **done**")),
            id + "'s issue was told: " + comments);
      }

      BraidProcess.Result again = BraidProcess.run(repo, env, "execute", "--rerun", "--json");

      assertEquals(0, again.exitCode(), again.toString());
      assertEquals(
          2, github.issues().size(), "the rerun found the same issues: " + github.issues());
      assertEquals(List.of(), github.unexpected(), "requests the stand-in does not serve");
    }
  }
}
