package dev.braid.activities.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.braid.activity.IssueCommentRequest;
import dev.braid.activity.IssueCommentResult;
import dev.braid.activity.IssueRequest;
import dev.braid.activity.IssueResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An issue per task and comments posted once, found again by their hidden markers. */
class GitHubFlowIssueTest {
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

  private IssueRequest request(String key, String taskFile) {
    return new IssueRequest(f.location(), key, null, null, List.of("api"), taskFile);
  }

  @Test
  void theTaskFileBecomesOneIssueHoweverOftenItIsAskedFor() throws Exception {
    Path task = dir.resolve("task-1.md");
    Files.writeString(task, "---\nid: task-1\n---\n\n# Query API\n\nDo it.\n");

    IssueResult first = f.activities.openIssue(request("run-1/task-1", task.toString()));
    IssueResult second = f.activities.openIssue(request("run-1/task-1", task.toString()));

    assertTrue(first.created());
    assertFalse(second.created());
    assertEquals(first.number(), second.number());
    assertEquals(1, f.github.issues().size());
    ObjectNode issue = f.github.issue(first.number());
    assertEquals("Query API", issue.get("title").asText());
    assertTrue(issue.get("body").asText().startsWith("# Query API\n\nDo it."));
    assertTrue(issue.get("body").asText().contains("<!-- braid:issue run-1/task-1 -->"));
    assertEquals(
        List.of("braid", "api"),
        f.github.issue(first.number()).get("labels").findValuesAsText("name"));
    assertEquals(1, f.github.requests("POST /repos/octo/app/issues").size());
    assertEquals(List.of(), f.github.unexpected());
  }

  @Test
  void anIssuePastTheFirstPageIsFoundAgainAndAnotherTasksIsNotTaken() {
    IssueResult mine = f.activities.openIssue(request("run-1/task-1", null));
    for (int i = 0; i < 40; i++) {
      f.github.addIssue("other " + i, "<!-- braid:issue run-1/other-" + i + " -->", "braid");
    }

    IssueResult again = f.activities.openIssue(request("run-1/task-1", null));
    IssueResult other = f.activities.openIssue(request("run-1/task-2", null));

    assertEquals(mine.number(), again.number());
    assertFalse(again.created());
    assertTrue(other.created());
    assertEquals(42, f.github.issues().size());
  }

  @Test
  void aCommentWithTheSameKeyIsPostedOnce() {
    int issue = f.activities.openIssue(request("run-1/task-1", null)).number();
    IssueCommentRequest blocked =
        new IssueCommentRequest(
            f.location(), issue, "run-1/task-1/blocked/1", "Blocked: checks failed.");

    IssueCommentResult first = f.activities.commentOnce(blocked);
    IssueCommentResult second = f.activities.commentOnce(blocked);
    f.activities.commentOnce(
        new IssueCommentRequest(f.location(), issue, "run-1/task-1/completed", "Completed."));

    assertTrue(first.created());
    assertFalse(second.created());
    assertEquals(first.id(), second.id());
    assertEquals(2, f.github.issueComments(issue).size());
    assertTrue(
        f.github
            .issueComments(issue)
            .get(0)
            .get("body")
            .asText()
            .startsWith("Blocked: checks failed."));
  }
}
