package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.testsupport.github.FakeGitHub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the worker in {@code pr} mode, after GitHub created the first task's pull request and
 * before braid learned of it: the answer to {@code POST /pulls} is held back by the fake GitHub (a
 * local server speaking GitHub's REST shapes; GitHub itself is out of reach here) until the worker
 * is dead. The next {@code braid execute} must find that pull request and reuse it, open the second
 * task's, and complete the run: one pull request per task, none twice.
 */
@Tag("e2e")
class PullRequestKillIT extends FaultTest {
  private static final String TOKEN = "fault-token";

  @Test
  void workerKilledWhileGitHubCreatesAPullRequestOpensEachPullRequestOnce() throws Exception {
    try (FakeGitHub github = new FakeGitHub(TOKEN, "octo", "app")) {
      r =
          FaultRepo.in(tmp)
              .tier("fast", 1, "2m")
              .merge("{mode: pr, repository: octo/app}")
              .task("first", "")
              .task("second", "")
              .create();
      github.branchesOf(r.origin);
      github.holdNextCreatedPull();
      env.put("GITHUB_TOKEN", TOKEN);
      // The fake serves plain http on loopback: a worker trusts that only from its own
      // environment, never from braid.yaml.
      env.put("GITHUB_API_URL", github.apiUrl());

      Braid.Running first = start("execute", "--json");
      github.awaitHeldCreatedPull(RUN_TIMEOUT);
      // Pull requests open as their tasks pass, so the other task's may be open already too.
      assertTrue(github.pullCount() >= 1, "GitHub has the held pull request");
      first.kill9();
      github.release();

      Braid.Result resumed = run(RUN_TIMEOUT, "execute", "--json");

      Map<String, JsonNode> tasks =
          CompletedRun.checkOpenedForReview(r, resumed, Map.of("first", 1, "second", 1));
      List<String> heads = github.pullHeads();
      assertEquals(
          List.of("feature/first", "feature/second"),
          heads.stream().sorted().toList(),
          "one pull request per task: " + heads);
      for (String id : r.taskIds) {
        String url = tasks.get(id).path("pullRequest").asText("");
        assertTrue(url.matches(".*/pull/\\d+$"), id + "'s pull request in the run: " + url);
      }
      assertEquals(List.of(), github.unexpected(), "requests the fake does not serve");
    }
  }
}
