package dev.braid.activities.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.CheckFailure;
import dev.braid.activity.PullRequestQuery;
import dev.braid.activity.PullRequestSpec;
import dev.braid.activity.PullRequestVerdict;
import dev.braid.activity.ReviewFeedback;
import dev.braid.activity.ReviewNote;
import dev.braid.activity.VerdictKind;
import dev.braid.testsupport.github.ReviewComment;
import dev.braid.testsupport.github.ReviewState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a pull request's head says, read from the stand-in's scripted checks and reviews. */
class GitHubFlowVerdictTest {
  @TempDir Path dir;

  private GitHubFlowFixture f;
  private int number;

  @BeforeEach
  void setUp() throws Exception {
    f = new GitHubFlowFixture(dir);
    f.github.requireChecks("ci", "lint");
    f.pushBranch("feature/a", "main", "a.txt");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private PullRequestVerdict open() {
    number =
        f.activities
            .openPullRequest(
                new PullRequestSpec(
                    f.location(), "feature/a", "main", "A", "a\n", List.of(), null, null))
            .number();
    return verdict();
  }

  private PullRequestVerdict verdict() {
    return f.activities.readVerdict(new PullRequestQuery(f.location(), number, null));
  }

  @Test
  void aCheckFailingOnTheFirstHeadGivesItsLogThenAPushGoesGreen() throws Exception {
    String log = "x".repeat(10_000) + "\nFAILED test_count - assert 3 == 4\n";
    f.github.failCheckOnce("feature/a", "ci", log);

    PullRequestVerdict failed = open();
    PullRequestVerdict again = verdict();
    f.commit("a.txt", "fixed\n", "fix the count");
    f.git.run("push", "--quiet", "origin", "feature/a");
    PullRequestVerdict fixed = verdict();

    assertEquals(VerdictKind.CHECKS_FAILED, failed.kind());
    CheckFailure ci = failed.failedChecks().get(0);
    assertEquals("ci", ci.name());
    assertEquals("failure", ci.conclusion());
    assertTrue(ci.logExcerpt().endsWith("assert 3 == 4\n"), "the log's end is kept");
    assertTrue(ci.logExcerpt().length() < 4_100, "the log is bounded");
    assertTrue(failed.feedback().contains("## Check `ci` failure"), failed.feedback());
    assertEquals(failed, again, "a commit's concluded checks do not change");
    assertEquals(List.of("lint"), failed.passedChecks());
    assertEquals(VerdictKind.GREEN, fixed.kind());
    assertEquals(List.of("ci", "lint"), fixed.passedChecks());
    assertEquals(f.originHead("feature/a"), fixed.headSha());
    assertEquals(List.of(), f.github.unexpected());
  }

  @Test
  void checksStillRunningArePending() {
    f.github.checksPendingFor(1);

    PullRequestVerdict first = open();
    PullRequestVerdict second = verdict();

    assertEquals(VerdictKind.PENDING, first.kind());
    assertEquals(List.of("ci", "lint"), first.pendingChecks());
    assertEquals(VerdictKind.GREEN, second.kind());
  }

  @Test
  void aReviewRequestingChangesOnTheHeadCarriesItsCommentsUntilAPushThenTheReviewerApproves()
      throws Exception {
    f.github.requestChangesOnce(
        "feature/a",
        "octocat",
        "Please name it better.",
        new ReviewComment("a.txt", 1, "Rename this."));

    PullRequestVerdict asked = open();
    f.commit("a.txt", "renamed\n", "rename");
    f.git.run("push", "--quiet", "origin", "feature/a");
    PullRequestVerdict answered = verdict();

    assertEquals(VerdictKind.CHANGES_REQUESTED, asked.kind());
    ReviewFeedback review = asked.changesRequested().get(0);
    assertEquals("octocat", review.reviewer());
    assertEquals("Please name it better.", review.body());
    assertEquals(List.of(new ReviewNote("a.txt", 1, "Rename this.")), review.comments());
    assertTrue(asked.feedback().contains("`a.txt:1`: Rename this."), asked.feedback());
    assertEquals(VerdictKind.GREEN, answered.kind());
    assertEquals(
        List.of("CHANGES_REQUESTED", "APPROVED"),
        f.github.reviews(number).stream().map(r -> r.get("state").asText()).toList());
  }

  @Test
  void aPlainCommentAfterARequestForChangesDoesNotAnswerIt() {
    open();
    f.github.submitReview(number, "octocat", ReviewState.CHANGES_REQUESTED, "No.");
    f.github.submitReview(number, "octocat", ReviewState.COMMENTED, "Still thinking.");

    assertEquals(VerdictKind.CHANGES_REQUESTED, verdict().kind());
    f.github.submitReview(number, "octocat", ReviewState.APPROVED, "Fine.");
    assertEquals(VerdictKind.GREEN, verdict().kind());
  }

  @Test
  void mergedAndClosedPullRequestsSaySo() throws Exception {
    open();
    f.github.merge(number);
    assertEquals(VerdictKind.MERGED, verdict().kind());

    f.pushBranch("feature/b", "main", "b.txt");
    number =
        f.activities
            .openPullRequest(
                new PullRequestSpec(
                    f.location(), "feature/b", "main", "B", "b\n", List.of(), null, null))
            .number();
    f.github.closePull(number);
    assertEquals(VerdictKind.CLOSED, verdict().kind());
  }

  @Test
  void aPullRequestStackedOnAnotherHearsWhenThatOneMergesOrCloses() throws Exception {
    open();
    int base = number;
    f.pushBranch("feature/b", "feature/a", "b.txt");
    int stacked =
        f.activities
            .openPullRequest(
                new PullRequestSpec(
                    f.location(), "feature/b", "feature/a", "B", "b\n", List.of(), null, null))
            .number();
    PullRequestQuery query = new PullRequestQuery(f.location(), stacked, "feature/a");
    VerdictKind own = f.activities.readVerdict(query).kind();
    assertEquals(VerdictKind.GREEN, own, "its base is still open: its own checks speak");

    f.github.merge(base);
    assertEquals(
        VerdictKind.GREEN,
        f.activities.readVerdict(new PullRequestQuery(f.location(), stacked, null)).kind(),
        "a query without the stack asks nothing of the base");
    assertEquals(VerdictKind.BASE_MERGED, f.activities.readVerdict(query).kind());

    f.pushBranch("feature/c", "feature/b", "c.txt");
    int onB =
        f.activities
            .openPullRequest(
                new PullRequestSpec(
                    f.location(), "feature/c", "feature/b", "C", "c\n", List.of(), null, null))
            .number();
    f.github.closePull(stacked);
    assertEquals(
        VerdictKind.BASE_CLOSED,
        f.activities.readVerdict(new PullRequestQuery(f.location(), onB, "feature/b")).kind());
  }
}
