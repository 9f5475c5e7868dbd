package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.braid.starter.testsupport.Git;
import dev.braid.testsupport.github.FakeGitHub;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the worker under {@code github.watch} while each task's workflow waits for its pull
 * request: after the pull requests and issues exist, between two looks at GitHub. A human merges
 * them while no worker runs; the next {@code braid execute} finds the same run, whose waiting tasks
 * see the merges and complete: every task's work on origin's main, no agent run again, no second
 * pull request, issue or completion comment.
 */
@Tag("e2e")
class PullRequestWatchKillIT extends FaultTest {
  private static final String TOKEN = "watch-fault-token";

  @Test
  void workerKilledWhileTasksWaitForTheirPullRequestsLosesNothing() throws Exception {
    try (FakeGitHub github = new FakeGitHub(TOKEN, "octo", "app")) {
      r =
          FaultRepo.in(tmp)
              .tier("fast", 1, "2m")
              .merge("{mode: pr, repository: octo/app}")
              .github("{issues: true, watch: true, poll: 1s}")
              .task("first", "")
              .task("second", "")
              .create();
      github.branchesOf(r.origin).requireChecks("ci");
      env.put("GITHUB_TOKEN", TOKEN);
      // The stand-in serves plain http on loopback: a worker trusts that only from its own
      // environment, never from braid.yaml.
      env.put("GITHUB_API_URL", github.apiUrl());

      Braid.Running first = start("execute", "--json");
      Map<String, Integer> pulls = new HashMap<>();
      for (String id : r.taskIds) {
        int number = github.awaitPull("feature/" + id, PHASE_TIMEOUT);
        pulls.put(id, number);
        // The second look at a green head: the next comes 4 s later (poll 1s, doubling), so the
        // kill finds the task asleep on a timer, no activity of it running.
        String head = github.pull(number).at("/head/sha").asText();
        Await.until(
            "two looks at " + id + "'s checks",
            PHASE_TIMEOUT,
            () ->
                github
                        .requests(
                            Pattern.quote("GET /repos/octo/app/commits/" + head + "/check-runs"))
                        .size()
                    >= 2);
      }
      Thread.sleep(500);
      first.kill9();
      assertEquals(2, github.pullCount(), "GitHub has both pull requests");
      assertEquals(2, github.issues().size(), "and both issues");

      // A human merges both while no worker runs.
      for (int number : pulls.values()) {
        github.merge(number);
      }
      Braid.Result resumed = run(RUN_TIMEOUT, "execute", "--json");

      assertEquals(0, resumed.exitCode(), resumed.toString());
      JsonNode run = resumed.json();
      assertEquals("done", run.get("status").asText(), resumed.toString());
      for (JsonNode task : run.get("tasks")) {
        String id = task.get("id").asText();
        assertEquals("completed", task.get("status").asText(), task.toString());
        assertEquals(1, task.get("attempts").asInt(), id + "'s agent ran once: " + task);
        assertTrue(
            task.get("pullRequest").asText().endsWith("/pull/" + pulls.get(id)), task.toString());
        assertEquals("work of " + id, Git.run(r.origin, "show", "main:out/" + id + ".txt"));
        assertTrue(Files.readString(r.taskFile(id)).contains("\nstatus: completed\n"), id);
        assertEquals(List.of(pulls.get(id)), github.pullsFor("feature/" + id), id + "'s pulls");
      }
      assertEquals(2, run.get("tasks").size(), run.toString());
      assertEquals(2, github.pullCount(), "no second pull request: " + github.pullHeads());
      List<ObjectNode> issues = github.issues();
      assertEquals(2, issues.size(), "no second issue: " + issues);
      for (ObjectNode issue : issues) {
        int number = issue.get("number").asInt();
        long done =
            github.issueComments(number).stream()
                .filter(c -> c.get("body").asText().contains("this task is **done**"))
                .count();
        assertEquals(1, done, "issue #" + number + ": " + github.issueComments(number));
      }
      assertEquals(List.of(), github.unexpected(), "requests the stand-in does not serve");
      CompletedRun.assertNothingLeft(r);
    }
  }
}
