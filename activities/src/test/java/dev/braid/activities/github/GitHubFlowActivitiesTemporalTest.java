package dev.braid.activities.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.BranchUpdateRequest;
import dev.braid.activity.BranchUpdateResult;
import dev.braid.activity.GitHubFlowActivities;
import dev.braid.activity.IssueCommentRequest;
import dev.braid.activity.IssueRequest;
import dev.braid.activity.PullRequestFailure;
import dev.braid.activity.PullRequestQuery;
import dev.braid.activity.PullRequestSnapshot;
import dev.braid.activity.PullRequestSpec;
import dev.braid.activity.PullRequestState;
import dev.braid.activity.PullRequestVerdict;
import dev.braid.activity.RetargetRequest;
import dev.braid.activity.ReviewNote;
import dev.braid.activity.VerdictKind;
import dev.braid.testsupport.github.ReviewComment;
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
 * The GitHub flow activities inside Temporal's activity test environment: their requests and
 * results (enums, nested records) survive the data converter, and their failures reach the caller
 * with the type and retryable flag a workflow's retry policy acts on.
 */
class GitHubFlowActivitiesTemporalTest {
  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build();

  @TempDir Path dir;

  private GitHubFlowFixture f;
  private TestActivityEnvironment env;
  private GitHubFlowActivities activities;

  @BeforeEach
  void setUp() throws Exception {
    f = new GitHubFlowFixture(dir);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(f.activities);
    activities = env.newActivityStub(GitHubFlowActivities.class, OPTIONS);
  }

  @AfterEach
  void tearDown() {
    env.close();
    f.close();
  }

  @Test
  void aStackedPullRequestGoesThroughChangesRequestedToMergedAndRetargetedDependents()
      throws Exception {
    f.github.requireChecks("ci");
    f.github.requestChangesOnce(
        "feature/a", "octocat", "Not yet.", new ReviewComment("a.txt", 1, "Why?"));
    f.pushBranch("feature/a", "main", "a.txt");
    f.pushBranch("feature/b", "feature/a", "b.txt");
    int issue =
        activities
            .openIssue(new IssueRequest(f.location(), "run/a", "Task a", "Do a.", List.of(), null))
            .number();
    PullRequestSnapshot a =
        activities.openPullRequest(
            new PullRequestSpec(
                f.location(), "feature/a", "main", "a", "a", List.of(), null, issue));
    PullRequestSnapshot b =
        activities.openPullRequest(
            new PullRequestSpec(
                f.location(), "feature/b", "feature/a", "b", "b", List.of(), null, null));

    PullRequestVerdict asked =
        activities.readVerdict(new PullRequestQuery(f.location(), a.number(), null));
    f.github.merge(a.number());
    PullRequestSnapshot moved =
        activities.retarget(new RetargetRequest(f.location(), b.number(), "main"));
    BranchUpdateResult updated =
        activities.bringUpToDate(
            new BranchUpdateRequest(f.clone.toString(), "origin", "feature/b", "main"));
    activities.commentOnce(new IssueCommentRequest(f.location(), issue, "run/a/done", "Done."));

    assertEquals(VerdictKind.CHANGES_REQUESTED, asked.kind());
    assertEquals(
        List.of(new ReviewNote("a.txt", 1, "Why?")), asked.changesRequested().get(0).comments());
    assertEquals(
        PullRequestState.MERGED,
        activities.readPullRequest(new PullRequestQuery(f.location(), a.number(), null)).state());
    assertEquals("main", moved.baseBranch());
    assertTrue(updated.pushed());
    assertEquals(
        updated.head(),
        activities.readPullRequest(new PullRequestQuery(f.location(), b.number(), null)).headSha());
    assertEquals(1, f.github.issueComments(issue).size());
    assertEquals(List.of(), f.github.unexpected());
  }

  @Test
  void anOutageFailsRetryably() throws Exception {
    f.github.failNext(
        "GET", "/repos/octo/app/pulls/1", 502, "{\"message\":\"Bad Gateway\"}", Map.of());

    ActivityFailure failure =
        assertThrows(
            ActivityFailure.class,
            () -> activities.readVerdict(new PullRequestQuery(f.location(), 1, null)));

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
    assertEquals(PullRequestFailure.UNAVAILABLE, cause.getType());
    assertFalse(cause.isNonRetryable());
  }
}
