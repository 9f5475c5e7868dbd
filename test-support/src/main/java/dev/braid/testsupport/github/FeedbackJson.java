package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Check runs, pull request reviews and review comments in the shapes GitHub's REST API documents
 * ("List check runs for a Git reference", "List reviews for a pull request", "List review comments
 * on a pull request"), trimmed to the fields a client can rely on.
 */
final class FeedbackJson {
  private final GitHubJson json;
  private final String web;

  FeedbackJson(GitHubJson json, String owner, String name) {
    this.json = json;
    this.web = "https://github.com/" + owner + "/" + name;
  }

  /** A check run as GitHub Actions creates it, queued or done. */
  ObjectNode checkRun(
      long id, String sha, String checkName, String title, String summary, String text) {
    ObjectNode run = GitHubJson.MAPPER.createObjectNode();
    run.put("id", id).put("node_id", "CR_" + id).put("head_sha", sha).put("external_id", "");
    run.put("url", json.repoUrl() + "/check-runs/" + id);
    run.put("html_url", web + "/runs/" + id).put("details_url", web + "/actions/runs/" + id);
    run.put("status", "in_progress").putNull("conclusion").put("name", checkName);
    run.put("started_at", GitHubJson.now()).putNull("completed_at");
    ObjectNode output = run.putObject("output");
    output.put("title", title).put("summary", summary).put("text", text);
    output.put("annotations_count", 0);
    output.put("annotations_url", json.repoUrl() + "/check-runs/" + id + "/annotations");
    run.putObject("check_suite").put("id", 7000 + id);
    ObjectNode app = run.putObject("app");
    app.put("id", 15368).put("slug", "github-actions").put("name", "GitHub Actions");
    app.set("owner", json.user("github"));
    run.putArray("pull_requests");
    return run;
  }

  /** Ends a check run with a conclusion such as {@code success} or {@code failure}. */
  static void complete(ObjectNode run, String conclusion) {
    run.put("status", "completed").put("conclusion", conclusion);
    run.put("completed_at", GitHubJson.now());
  }

  ObjectNode review(
      long id, int number, String reviewer, ReviewState state, String body, String sha) {
    ObjectNode review = GitHubJson.MAPPER.createObjectNode();
    review.put("id", id).put("node_id", "PRR_" + id);
    review.set("user", json.user(reviewer));
    review.put("body", body).put("state", state.name());
    review.put("html_url", web + "/pull/" + number + "#pullrequestreview-" + id);
    review.put("pull_request_url", json.repoUrl() + "/pulls/" + number);
    review.put("submitted_at", GitHubJson.now()).put("commit_id", sha);
    review.put("author_association", "COLLABORATOR");
    return review;
  }

  ObjectNode reviewComment(
      long id, long reviewId, int number, String reviewer, ReviewComment comment, String sha) {
    ObjectNode c = GitHubJson.MAPPER.createObjectNode();
    c.put("url", json.repoUrl() + "/pulls/comments/" + id);
    c.put("pull_request_review_id", reviewId).put("id", id).put("node_id", "PRRC_" + id);
    c.put("diff_hunk", "@@ -1,1 +1,1 @@").put("path", comment.path());
    c.put("commit_id", sha).put("original_commit_id", sha);
    c.set("user", json.user(reviewer));
    c.put("body", comment.body());
    String now = GitHubJson.now();
    c.put("created_at", now).put("updated_at", now);
    c.put("html_url", web + "/pull/" + number + "#discussion_r" + id);
    c.put("pull_request_url", json.repoUrl() + "/pulls/" + number);
    c.put("author_association", "COLLABORATOR");
    c.putNull("start_line").putNull("original_start_line").putNull("start_side");
    c.put("line", comment.line()).put("original_line", comment.line());
    c.put("side", "RIGHT").put("subject_type", "line");
    return c;
  }
}
