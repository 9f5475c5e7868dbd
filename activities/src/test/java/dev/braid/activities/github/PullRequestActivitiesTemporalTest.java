package dev.braid.activities.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.PullRequestActivities;
import dev.braid.activity.PullRequestFailure;
import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestResult;
import dev.braid.testsupport.github.FakeGitHub;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activity inside Temporal's activity test environment, with its production constructor path
 * (environment lookup, data converter, failure serialization). The environment runs each call once
 * and does not apply retry policies, so a retry is a second call here; what these tests prove is
 * that the failure's type and retryable flag, which the workflow's retry policy acts on, reach the
 * caller intact.
 */
class PullRequestActivitiesTemporalTest {
  private static final String TOKEN = PullRequestActivitiesImplTest.TOKEN;
  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build();

  @TempDir Path checkout;

  private FakeGitHub github;
  private TestActivityEnvironment env;

  @BeforeEach
  void setUp() throws Exception {
    github = new FakeGitHub(TOKEN, "octo", "app").branches("main", "feature/task-1");
    env = TestActivityEnvironment.newInstance();
  }

  @AfterEach
  void tearDown() {
    env.close();
    github.close();
  }

  private PullRequestActivities stub(Map<String, String> environment) {
    env.registerActivitiesImplementations(new PullRequestActivitiesImpl(environment::get));
    return env.newActivityStub(PullRequestActivities.class, OPTIONS);
  }

  private PullRequestRequest request() {
    return new PullRequestRequest(
        checkout.toString(),
        "origin",
        "feature/task-1",
        "main",
        "Query API",
        "body",
        List.of("api"),
        "octo/app",
        null,
        null);
  }

  @Test
  void anOutageFailsRetryablyAndTheRetryOpensThePullRequestOnce() {
    github.failNext(
        "GET", "/repos/octo/app", 503, "{\"message\":\"Service Unavailable\"}", Map.of());
    // The API URL comes from the worker's environment, as on GitHub Actions or Enterprise.
    PullRequestActivities activities =
        stub(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.apiUrl() + "/"));

    ActivityFailure outage =
        assertThrows(ActivityFailure.class, () -> activities.openOrUpdate(request()));
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, outage.getCause());
    assertEquals(PullRequestFailure.UNAVAILABLE, cause.getType());
    assertFalse(cause.isNonRetryable());

    PullRequestResult result = activities.openOrUpdate(request());

    assertEquals(new PullRequestResult(1, "https://github.com/octo/app/pull/1", true), result);
    assertEquals(1, github.pullCount());
    assertEquals(List.of("api"), List.of(github.pull(1).at("/labels/0/name").asText()));
  }

  @Test
  void aRefusedTokenFailsAtOnceWithItsType() {
    PullRequestActivities activities =
        stub(Map.of("GITHUB_TOKEN", "ghp_wrong", "GITHUB_API_URL", github.apiUrl()));

    ActivityFailure failure =
        assertThrows(ActivityFailure.class, () -> activities.openOrUpdate(request()));

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
    assertEquals(PullRequestFailure.AUTH, cause.getType());
    assertTrue(cause.isNonRetryable());
    assertTrue(cause.getOriginalMessage().contains("GITHUB_TOKEN"));
    assertEquals(1, github.requests().size(), "the token is refused on the first request");
    PullRequestActivitiesImplTest.assertNoToken(failure, "ghp_wrong");
  }
}
