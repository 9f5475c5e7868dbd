package dev.braid.activities.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.IssueRequest;
import dev.braid.activity.IssueResult;
import dev.braid.activity.PullRequestFailure;
import dev.braid.activity.PullRequestQuery;
import dev.braid.activity.PullRequestSnapshot;
import dev.braid.activity.PullRequestSpec;
import dev.braid.activity.PullRequestState;
import dev.braid.activity.RetargetRequest;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stacked pull requests against the stand-in, with a real bare origin behind it. */
class GitHubFlowPullRequestTest {
  @TempDir Path dir;

  private GitHubFlowFixture f;

  @BeforeEach
  void setUp() throws Exception {
    f = new GitHubFlowFixture(dir);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private PullRequestSpec spec(String branch, String base, Integer issue) {
    return new PullRequestSpec(
        f.location(),
        branch,
        base,
        "Task " + branch,
        "Do " + branch + ".\n",
        List.of("braid"),
        null,
        issue);
  }

  @Test
  void openingTwiceGivesOnePullRequestWithTheHeadCommitOfTheBranch() throws Exception {
    String head = f.pushBranch("feature/a", "main", "a.txt");

    PullRequestSnapshot first = f.activities.openPullRequest(spec("feature/a", "main", null));
    PullRequestSnapshot second = f.activities.openPullRequest(spec("feature/a", "main", null));

    assertTrue(first.created());
    assertFalse(second.created());
    assertEquals(first.number(), second.number());
    assertEquals(1, f.github.pullCount());
    assertEquals(PullRequestState.OPEN, second.state());
    assertEquals(head, second.headSha());
    assertEquals("main", second.baseBranch());
    assertEquals(List.of(), f.github.unexpected());
  }

  @Test
  void aStackedPullRequestLinksItsIssueAndTargetsItsDependencysBranch() throws Exception {
    f.pushBranch("feature/a", "main", "a.txt");
    f.pushBranch("feature/b", "feature/a", "b.txt");

    PullRequestSnapshot b = f.activities.openPullRequest(spec("feature/b", "feature/a", 7));

    assertEquals("feature/a", b.baseBranch());
    String body = f.github.pull(b.number()).get("body").asText();
    assertTrue(body.startsWith("Closes #7\n"), body);
    f.activities.openPullRequest(spec("feature/b", "feature/a", 7));
    assertEquals(body, f.github.pull(b.number()).get("body").asText(), "the link is added once");
  }

  @Test
  void theTextTheRunCarriesIsUsedWhereThisHostLacksTheTaskFile() throws Exception {
    f.pushBranch("feature/a", "main", "a.txt");
    String text = "---\nid: a\nlabels: [api]\n---\n# Serve the schema\n\nExpose /users.\n";
    String missing = dir.resolve("uncommitted/plan/tasks/a.md").toString();

    PullRequestSnapshot opened =
        f.activities.openPullRequest(
            new PullRequestSpec(
                f.location(), "feature/a", "main", null, null, List.of(), missing, 3, text));
    IssueResult issue =
        f.activities.openIssue(
            new IssueRequest(f.location(), "run/a", null, null, List.of(), missing, text));

    var pr = f.github.pull(opened.number());
    assertEquals("Serve the schema", pr.get("title").asText());
    String body = pr.get("body").asText();
    assertTrue(body.startsWith("Closes #3\n"), body);
    assertTrue(body.contains("Expose /users."), body);
    assertFalse(body.contains("labels:"), "the frontmatter stays out: " + body);
    var opened2 = f.github.issues().stream().filter(i -> i.get("number").asInt() == issue.number());
    assertEquals("Serve the schema", opened2.findFirst().orElseThrow().get("title").asText());
  }

  @Test
  void mergingThroughTheStandInMovesTheOriginsBaseWithAMergeCommit() throws Exception {
    String head = f.pushBranch("feature/a", "main", "a.txt");
    String mainBefore = f.originHead("main");
    PullRequestSnapshot opened = f.activities.openPullRequest(spec("feature/a", "main", null));

    String mergeCommit = f.github.merge(opened.number());

    assertEquals(mergeCommit, f.originHead("main"));
    String parents =
        f.git.run(
            "--git-dir", f.origin.toString(), "rev-list", "--parents", "-n", "1", mergeCommit);
    assertEquals(mergeCommit + " " + mainBefore + " " + head, parents);
    PullRequestSnapshot read =
        f.activities.readPullRequest(new PullRequestQuery(f.location(), opened.number(), null));
    assertEquals(PullRequestState.MERGED, read.state());
    assertEquals(mergeCommit, read.mergeCommitSha());
  }

  @Test
  void aMergedPullRequestIsReturnedAndNeverOpenedAgain() throws Exception {
    f.pushBranch("feature/a", "main", "a.txt");
    int number = f.activities.openPullRequest(spec("feature/a", "main", null)).number();
    f.github.merge(number);

    PullRequestSnapshot again = f.activities.openPullRequest(spec("feature/a", "main", null));

    assertEquals(number, again.number());
    assertEquals(PullRequestState.MERGED, again.state());
    assertFalse(again.created());
    assertEquals(1, f.github.pullCount());
  }

  @Test
  void aClosedPullRequestReadsAsClosed() throws Exception {
    f.pushBranch("feature/a", "main", "a.txt");
    int number = f.activities.openPullRequest(spec("feature/a", "main", null)).number();
    f.github.closePull(number);

    PullRequestSnapshot read =
        f.activities.readPullRequest(new PullRequestQuery(f.location(), number, null));

    assertEquals(PullRequestState.CLOSED, read.state());
    assertNull(read.mergeCommitSha());
  }

  @Test
  void retargetingMovesTheBaseOnceAndLeavesAMergedPullRequestAlone() throws Exception {
    f.pushBranch("feature/a", "main", "a.txt");
    f.pushBranch("feature/b", "feature/a", "b.txt");
    int a = f.activities.openPullRequest(spec("feature/a", "main", null)).number();
    int b = f.activities.openPullRequest(spec("feature/b", "feature/a", null)).number();
    f.github.merge(a);

    PullRequestSnapshot moved = f.activities.retarget(new RetargetRequest(f.location(), b, "main"));
    int patches = f.github.requests("PATCH /repos/octo/app/pulls/" + b).size();
    f.activities.retarget(new RetargetRequest(f.location(), b, "main"));
    PullRequestSnapshot mergedOne =
        f.activities.retarget(new RetargetRequest(f.location(), a, "feature/b"));

    assertEquals("main", moved.baseBranch());
    f.github.awaitPull(
        b, pr -> pr.at("/base/ref").asText().equals("main"), "retargeted", Duration.ofSeconds(5));
    assertEquals(1, patches);
    assertEquals(
        patches,
        f.github.requests("PATCH /repos/octo/app/pulls/" + b).size(),
        "a repeat sends nothing");
    assertEquals(PullRequestState.MERGED, mergedOne.state());
    assertEquals("main", mergedOne.baseBranch());
  }

  @Test
  void theStandInRefusesToMergeAPullRequestThatConflictsWithItsBase() throws Exception {
    f.pushBranch("feature/a", "main", "same.txt");
    f.git.run("checkout", "--quiet", "main");
    f.commit("same.txt", "main's version\n", "main changes the same file");
    f.git.run("push", "--quiet", "origin", "main");
    int number = f.activities.openPullRequest(spec("feature/a", "main", null)).number();

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> f.github.merge(number));

    assertTrue(refused.getMessage().contains("405"), refused.getMessage());
    assertFalse(f.github.pull(number).get("mergeable").asBoolean(true));
  }

  @Test
  void withoutATokenNothingIsSent() {
    GitHubFlowActivitiesImpl noToken =
        new GitHubFlowActivitiesImpl(Map.of("GITHUB_API_URL", f.github.apiUrl())::get);

    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () -> noToken.readPullRequest(new PullRequestQuery(f.location(), 1, null)));

    assertEquals(PullRequestFailure.AUTH, failure.getType());
    assertEquals(List.of(), f.github.requests());
  }

  @Test
  void aBranchWithNothingToMergeGetsNoPullRequestAndOneMergedStaysTheAnswer() throws Exception {
    f.pushBranch("feature/a", "main", "a.txt");
    PullRequestSnapshot first = f.activities.openPullRequest(spec("feature/a", "main", null));
    f.github.merge(first.number());

    // As GitHub does, the stand-in refuses a pull request that would merge nothing...
    f.git.run("push", "--quiet", "origin", "origin/main:refs/heads/feature/empty");
    ApplicationFailure refused =
        assertThrows(
            ApplicationFailure.class,
            () -> f.activities.openPullRequest(spec("feature/empty", "main", null)));
    assertTrue(refused.getMessage().contains("No commits between"), refused.getMessage());

    // ...and a merged branch is answered with its merged pull request, never a second one.
    PullRequestSnapshot again = f.activities.openPullRequest(spec("feature/a", "main", null));
    assertEquals(first.number(), again.number());
    assertEquals(PullRequestState.MERGED, again.state());
    assertEquals(1, f.github.pullsFor("feature/a").size());
  }
}
