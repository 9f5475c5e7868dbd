package dev.braid.activities.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.PullRequestFailure;
import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestResult;
import dev.braid.testsupport.github.FakeGitHub;
import dev.braid.testsupport.github.GitHubJson;
import dev.braid.testsupport.github.RecordedRequest;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull-request activity against a local server that speaks GitHub's REST API. */
class PullRequestActivitiesImplTest {
  static final String TOKEN = "ghp_test0000000000000000000000000000secret";
  static final String BODY = "---\nid: task-1\nlabels: [api]\n---\n\n# Query API\n\nDo it.\n";

  @TempDir Path checkout;

  private FakeGitHub github;
  private PullRequestActivitiesImpl activities;

  @BeforeEach
  void setUp() throws Exception {
    github =
        new FakeGitHub(TOKEN, "octo", "app").branches("main", "feature/task-0", "feature/task-1");
    activities = new PullRequestActivitiesImpl(worker("GITHUB_TOKEN", TOKEN)::get);
  }

  /**
   * A worker's environment with a token; the fake GitHub serves plain http on loopback, which a
   * worker trusts only because its own GITHUB_API_URL names it.
   */
  private Map<String, String> worker(String variable, String token) {
    return Map.of(variable, token, "GITHUB_API_URL", github.apiUrl());
  }

  @Test
  void aPlainHttpApiUrlFromTheConfigAloneIsRefusedBeforeTheTokenIsSent() {
    activities = new PullRequestActivitiesImpl(Map.of("GITHUB_TOKEN", TOKEN)::get);

    ApplicationFailure failure = fail(request("main", List.of()));

    assertEquals(PullRequestFailure.API_URL_REFUSED, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertEquals(List.of(), github.requests(), "nothing reached the listener");
  }

  @Test
  void anHttpsApiUrlOnAnUntrustedHostIsRefused() {
    activities = new PullRequestActivitiesImpl(Map.of("GITHUB_TOKEN", TOKEN)::get);
    PullRequestRequest r = request("main", List.of());
    PullRequestRequest elsewhere =
        new PullRequestRequest(
            r.repo(),
            r.remote(),
            r.branch(),
            r.base(),
            r.title(),
            r.body(),
            r.labels(),
            r.repository(),
            "https://collector.example/api/v3",
            null);

    ApplicationFailure failure = fail(elsewhere);

    assertEquals(PullRequestFailure.API_URL_REFUSED, failure.getType());
    assertTrue(failure.getOriginalMessage().contains("collector.example"));
  }

  @AfterEach
  void tearDown() {
    github.close();
  }

  PullRequestRequest request(String base, List<String> labels) {
    return new PullRequestRequest(
        checkout.toString(),
        "origin",
        "feature/task-1",
        base,
        "Query API",
        BODY,
        labels,
        "octo/app",
        github.apiUrl(),
        null);
  }

  @Test
  void opensAPullRequestWithTheTitleBodyHeadAndBaseGitHubReceives() {
    PullRequestResult result = activities.openOrUpdate(request("main", List.of()));

    assertEquals(new PullRequestResult(1, "https://github.com/octo/app/pull/1", true), result);
    List<RecordedRequest> posts = github.requests("POST /repos/octo/app/pulls");
    assertEquals(1, posts.size());
    assertEquals("Query API", posts.get(0).body().get("title").asText());
    assertEquals(BODY, posts.get(0).body().get("body").asText());
    assertEquals("feature/task-1", posts.get(0).body().get("head").asText());
    assertEquals("main", posts.get(0).body().get("base").asText());
    RecordedRequest lookup = github.requests("GET /repos/octo/app/pulls").get(0);
    assertTrue(lookup.query().contains("head=octo%3Afeature%2Ftask-1"), lookup.query());
    assertTrue(lookup.query().contains("state=open"), lookup.query());
    assertTrue(
        github.requests().stream().allMatch(r -> ("token " + TOKEN).equals(r.authorization())),
        "every request carries the token");
    assertEquals(List.of(), github.unexpected());
  }

  @Test
  void reusesTheOpenPullRequestForTheBranchWithoutWriting() {
    int existing = github.addOpenPull("feature/task-1", "main", "Query API", BODY, "api");

    PullRequestResult result = activities.openOrUpdate(request("main", List.of("api")));

    assertEquals(
        new PullRequestResult(existing, "https://github.com/octo/app/pull/1", false), result);
    assertEquals(
        List.of("GET /repos/octo/app", "GET /repos/octo/app/pulls"),
        github.requests().stream().map(RecordedRequest::line).toList(),
        "an up-to-date pull request is only read");
  }

  @Test
  void aRepeatedCallOpensOnePullRequestOnly() {
    PullRequestResult first = activities.openOrUpdate(request("main", List.of("api")));
    PullRequestResult second = activities.openOrUpdate(request("main", List.of("api")));

    assertTrue(first.created());
    assertFalse(second.created());
    assertEquals(first.number(), second.number());
    assertEquals(1, github.pullCount());
    assertEquals(1, github.requests("POST /repos/octo/app/pulls").size());
  }

  @Test
  void aReusedPullRequestGetsTheNewTitleBodyAndBase() {
    int existing = github.addOpenPull("feature/task-1", "main", "Old title", "old body");

    PullRequestResult result = activities.openOrUpdate(request("feature/task-0", List.of()));

    assertFalse(result.created());
    assertEquals("Query API", github.pull(existing).get("title").asText());
    assertEquals(BODY, github.pull(existing).get("body").asText());
    assertEquals("feature/task-0", github.pull(existing).at("/base/ref").asText());
    assertEquals(0, github.requests("POST /repos/octo/app/pulls").size());
  }

  @Test
  void labelsAreAddedThroughTheIssuesEndpoint() {
    PullRequestResult result = activities.openOrUpdate(request("main", List.of("api", "braid")));

    List<RecordedRequest> posts = github.requests("POST /repos/octo/app/issues/1/labels");
    assertEquals(1, posts.size());
    assertEquals("[\"api\",\"braid\"]", posts.get(0).body().get("labels").toString());
    assertEquals(List.of("api", "braid"), labelNames(result.number()));
  }

  @Test
  void onlyMissingLabelsAreAddedAndAHumansLabelStays() {
    int existing = github.addOpenPull("feature/task-1", "main", "Query API", BODY, "api", "wip");

    activities.openOrUpdate(request("main", List.of("api", "braid")));

    List<RecordedRequest> posts = github.requests("POST /repos/octo/app/issues/1/labels");
    assertEquals("[\"braid\"]", posts.get(0).body().get("labels").toString());
    assertEquals(List.of("api", "wip", "braid"), labelNames(existing));
  }

  @Test
  void aCreateThatRacesAnUnlistedPullRequestReusesIt() {
    int existing = github.addOpenPull("feature/task-1", "main", "Query API", BODY);
    github.hideOpenPullsOnce();

    PullRequestResult result = activities.openOrUpdate(request("main", List.of()));

    assertEquals(existing, result.number());
    assertFalse(result.created());
    assertEquals(1, github.pullCount());
    assertEquals(1, github.requests("POST /repos/octo/app/pulls").size(), "refused with a 422");
    assertEquals(2, github.requests("GET /repos/octo/app/pulls").size(), "looked up again");
  }

  @Test
  void aTaskFileLongerThanGitHubAllowsIsCutNotRefused() {
    String longBody = "x".repeat(PullRequestSync.MAX_BODY_CHARS + 10);
    PullRequestRequest r = request("main", List.of());
    PullRequestRequest big =
        new PullRequestRequest(
            r.repo(),
            r.remote(),
            r.branch(),
            r.base(),
            r.title(),
            longBody,
            r.labels(),
            r.repository(),
            r.apiUrl(),
            null);

    activities.openOrUpdate(big);

    String sent = github.requests("POST /repos/octo/app/pulls").get(0).body().get("body").asText();
    assertEquals(PullRequestSync.MAX_BODY_CHARS, sent.length());
    assertTrue(sent.endsWith("_(cut to fit GitHub's limit)_"));
    activities.openOrUpdate(big);
    assertEquals(0, github.requests("PATCH .*").size(), "the cut body counts as unchanged");
  }

  @Test
  void aRefusedTokenIsGitHubAuthNamingTheVariableNotTheToken() {
    String wrong = "ghp_wrong111111111111111111111111111111";
    activities = new PullRequestActivitiesImpl(worker("GH_TOKEN", wrong)::get);

    ApplicationFailure failure = fail(request("main", List.of()));

    assertEquals(PullRequestFailure.AUTH, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertTrue(
        failure
            .getOriginalMessage()
            .contains("GitHub refused the token from GH_TOKEN (401 Bad credentials)"),
        failure.getOriginalMessage());
    assertTrue(failure.getOriginalMessage().contains("set GITHUB_TOKEN (or GH_TOKEN)"));
    assertNoToken(failure, wrong);
  }

  @Test
  void a403WithoutRateLimitIsGitHubAuthAskingForWriteAccess() {
    github.failNext(
        "POST",
        "/repos/octo/app/pulls",
        403,
        error(403, "Resource not accessible by personal access token"),
        Map.of());

    ApplicationFailure failure = fail(request("main", List.of()));

    assertEquals(PullRequestFailure.AUTH, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertTrue(
        failure.getOriginalMessage().contains("Resource not accessible by personal access token"));
    assertTrue(failure.getOriginalMessage().contains("write access to pull requests and issues"));
    assertNoToken(failure, TOKEN);
  }

  @Test
  void aTokenGitHubEchoesIsMaskedInTheMessageAndInTheWholeCauseChain() {
    github.failNext(
        "POST", "/repos/octo/app/pulls", 422, error(422, "bad credentials " + TOKEN), Map.of());

    ApplicationFailure failure = fail(request("main", List.of()));

    assertEquals(PullRequestFailure.REJECTED, failure.getType());
    assertTrue(failure.getCause() != null, "the cause is kept, redacted");
    assertNoToken(failure, TOKEN);
  }

  @Test
  void a422IsGitHubRejectedWithGitHubsOwnExplanation() {
    github.failNext(
        "POST",
        "/repos/octo/app/pulls",
        422,
        "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PullRequest\",\"code\":"
            + "\"custom\",\"message\":\"A pull request already exists for octo:feature/task-1.\"}],"
            + "\"documentation_url\":\"https://docs.github.com/rest/pulls/pulls#create-a-pull-request\"}",
        Map.of());

    ApplicationFailure failure = fail(request("main", List.of()));

    assertEquals(PullRequestFailure.REJECTED, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertTrue(
        failure
            .getOriginalMessage()
            .contains(
                "(422 Validation Failed: A pull request already exists for octo:feature/task-1.)"),
        failure.getOriginalMessage());
    assertTrue(failure.getOriginalMessage().contains("feature/task-1 into main on octo/app"));
  }

  @Test
  void aBaseBranchGitHubDoesNotHaveIsRejectedNamingTheField() {
    ApplicationFailure failure = fail(request("feature/not-pushed", List.of()));

    assertEquals(PullRequestFailure.REJECTED, failure.getType());
    assertTrue(
        failure.getOriginalMessage().contains("422 Validation Failed: PullRequest base invalid"),
        failure.getOriginalMessage());
  }

  @Test
  void aMissingTokenIsGitHubAuthAndSendsNothing() {
    activities = new PullRequestActivitiesImpl(Map.of("GITHUB_API_URL", github.apiUrl())::get);

    ApplicationFailure failure = fail(request("main", List.of()));

    assertEquals(PullRequestFailure.AUTH, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().contains("set GITHUB_TOKEN (or GH_TOKEN)"));
    assertEquals(List.of(), github.requests());
  }

  @Test
  void anUnknownRepositoryIsGitHubNotFound() {
    PullRequestRequest r = request("main", List.of());
    PullRequestRequest other =
        new PullRequestRequest(
            r.repo(),
            r.remote(),
            r.branch(),
            r.base(),
            r.title(),
            r.body(),
            r.labels(),
            "octo/nope",
            r.apiUrl(),
            null);

    ApplicationFailure failure = fail(other);

    assertEquals(PullRequestFailure.NOT_FOUND, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().contains("found no octo/nope (404)"));
  }

  @Test
  void aServerErrorIsRetryable() {
    github.failNext(
        "POST", "/repos/octo/app/pulls", 502, "{\"message\":\"Server Error\"}", Map.of());

    ApplicationFailure failure = fail(request("main", List.of()));

    assertEquals(PullRequestFailure.UNAVAILABLE, failure.getType());
    assertFalse(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().contains("502 Server Error"));
  }

  @Test
  void aRateLimitIsRetryableAfterGitHubsDelay() {
    github.failNext(
        "GET",
        "/repos/octo/app/pulls",
        403,
        error(403, "API rate limit exceeded for user ID 1."),
        Map.of("X-RateLimit-Remaining", "0", "Retry-After", "42"));

    ApplicationFailure failure = fail(request("main", List.of()));

    assertEquals(PullRequestFailure.RATE_LIMITED, failure.getType());
    assertFalse(failure.isNonRetryable());
    assertEquals(42, failure.getNextRetryDelay().toSeconds());
  }

  @Test
  void anUnreachableGitHubIsRetryable() {
    String url = github.apiUrl();
    github.close();
    PullRequestRequest r = request("main", List.of());
    PullRequestRequest unreachable =
        new PullRequestRequest(
            r.repo(),
            r.remote(),
            r.branch(),
            r.base(),
            r.title(),
            r.body(),
            r.labels(),
            r.repository(),
            url,
            null);

    ApplicationFailure failure = fail(unreachable);

    assertEquals(PullRequestFailure.UNAVAILABLE, failure.getType());
    assertFalse(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().startsWith("cannot reach GitHub at " + url));
  }

  @Test
  void theRepositoryIsReadFromTheRemoteWhenNotSet() {
    TestGit.init(checkout, "git@github.com:octo/app.git");
    PullRequestRequest r = request("main", List.of());
    PullRequestRequest fromRemote =
        new PullRequestRequest(
            r.repo(),
            r.remote(),
            r.branch(),
            r.base(),
            r.title(),
            r.body(),
            r.labels(),
            null,
            r.apiUrl(),
            null);

    assertEquals(1, activities.openOrUpdate(fromRemote).number());
  }

  @Test
  void aCheckoutWithoutTheRemoteNamesTheSettingToUse() {
    TestGit.init(checkout, null);
    PullRequestRequest r = request("main", List.of());
    PullRequestRequest noRemote =
        new PullRequestRequest(
            r.repo(),
            r.remote(),
            r.branch(),
            r.base(),
            r.title(),
            r.body(),
            r.labels(),
            null,
            r.apiUrl(),
            null);

    ApplicationFailure failure = fail(noRemote);

    assertEquals(PullRequestFailure.REPOSITORY_UNKNOWN, failure.getType());
    assertTrue(failure.getOriginalMessage().contains("has no remote 'origin'"));
    assertTrue(failure.getOriginalMessage().contains("merge.repository"));
    assertEquals(List.of(), github.requests());
  }

  private ApplicationFailure fail(PullRequestRequest r) {
    return assertThrows(ApplicationFailure.class, () -> activities.openOrUpdate(r));
  }

  private List<String> labelNames(int number) {
    List<String> names = new java.util.ArrayList<>();
    github.pull(number).get("labels").forEach(l -> names.add(l.get("name").asText()));
    return names;
  }

  private static String error(int status, String message) {
    return GitHubJson.error(status, message, "https://docs.github.com/rest", null).toString();
  }

  /** Neither the failure nor any cause in its chain may carry the token. */
  static void assertNoToken(Throwable failure, String token) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(token), "token leaked in " + t);
      assertFalse(t.toString().contains(token), "token leaked in " + t);
    }
  }
}
