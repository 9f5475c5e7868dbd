package dev.braid.activities.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.activity.PullRequestSpec;
import dev.braid.testsupport.github.GitHubJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in's "Merge a pull request" over HTTP, as a test or a script calls it: GitHub's answers
 * for a stale head (409), a merge (200, the origin's base moved) and a repeat (405).
 */
class GitHubStandInMergeEndpointTest {
  @TempDir Path dir;

  private GitHubFlowFixture f;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() throws Exception {
    f = new GitHubFlowFixture(dir);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private HttpResponse<String> put(int number, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(f.github.apiUrl() + "/repos/octo/app/pulls/" + number + "/merge"))
            .header("Authorization", "Bearer " + GitHubFlowFixture.TOKEN)
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStaleHeadIsRefusedThenTheMergeMovesMainAndARepeatIsNotMergeable() throws Exception {
    String head = f.pushBranch("feature/a", "main", "a.txt");
    int number =
        f.activities
            .openPullRequest(
                new PullRequestSpec(
                    f.location(), "feature/a", "main", "A", "", List.of(), null, null))
            .number();

    HttpResponse<String> stale = put(number, "{\"sha\":\"" + "0".repeat(40) + "\"}");
    HttpResponse<String> merged =
        put(number, "{\"sha\":\"" + head + "\",\"merge_method\":\"merge\"}");
    HttpResponse<String> again = put(number, "{}");

    assertEquals(409, stale.statusCode());
    assertEquals(200, merged.statusCode());
    JsonNode answer = GitHubJson.MAPPER.readTree(merged.body());
    assertTrue(answer.get("merged").asBoolean());
    assertEquals(f.originHead("main"), answer.get("sha").asText());
    assertEquals(405, again.statusCode());
    assertEquals(
        "Pull Request is not mergeable",
        GitHubJson.MAPPER.readTree(again.body()).get("message").asText());
    JsonNode pr = f.github.pull(number);
    assertEquals("closed", pr.get("state").asText());
    assertTrue(pr.get("merged").asBoolean());
    assertEquals(answer.get("sha").asText(), pr.get("merge_commit_sha").asText());
  }
}
