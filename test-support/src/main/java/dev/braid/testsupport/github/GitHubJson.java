package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * JSON in the shapes GitHub's REST API documents (docs.github.com/rest: "Get a repository", "List
 * pull requests", "Create a pull request", "Add labels to an issue", "Create an issue", "Create an
 * issue comment", client error bodies), trimmed to the fields a client can rely on.
 */
public final class GitHubJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final String TIME = "2011-01-26T19:01:12Z";

  private final String api;
  private final String owner;
  private final String name;

  public GitHubJson(String api, String owner, String name) {
    this.api = api;
    this.owner = owner;
    this.name = name;
  }

  /** The API's base URL, without a trailing slash. */
  public String apiUrl() {
    return api;
  }

  public String repoUrl() {
    return api + "/repos/" + owner + "/" + name;
  }

  public ObjectNode user(String login) {
    ObjectNode user = MAPPER.createObjectNode();
    user.put("login", login).put("id", Math.abs(login.hashCode())).put("type", "User");
    user.put("url", api + "/users/" + login).put("html_url", "https://github.com/" + login);
    return user;
  }

  public ObjectNode repository() {
    ObjectNode repo = MAPPER.createObjectNode();
    repo.put("id", 1296269).put("node_id", "MDEwOlJlcG9zaXRvcnkxMjk2MjY5");
    repo.put("name", name).put("full_name", owner + "/" + name);
    repo.set("owner", user(owner));
    repo.put("private", false).put("html_url", "https://github.com/" + owner + "/" + name);
    repo.put("url", repoUrl()).put("default_branch", "main");
    repo.put("created_at", TIME).put("updated_at", TIME).put("pushed_at", TIME);
    ObjectNode permissions = repo.putObject("permissions");
    permissions.put("admin", false).put("push", true).put("pull", true);
    return repo;
  }

  public ObjectNode branchPointer(String ref) {
    ObjectNode pointer = MAPPER.createObjectNode();
    pointer.put("label", owner + ":" + ref).put("ref", ref);
    pointer.put("sha", "6dcb09b5b57875f334f61aebed695e2e4193db5e");
    pointer.set("user", user(owner));
    pointer.set("repo", repository());
    return pointer;
  }

  public ObjectNode label(String label) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", Math.abs(label.hashCode())).put("node_id", "LA_" + label);
    node.put("url", repoUrl() + "/labels/" + label).put("name", label);
    node.put("color", "ededed").put("default", false).putNull("description");
    return node;
  }

  public ObjectNode pull(int number, String head, String base, String title, String body) {
    ObjectNode pr = MAPPER.createObjectNode();
    pr.put("url", repoUrl() + "/pulls/" + number).put("id", 1000 + number);
    pr.put("node_id", "PR_" + number).put("number", number).put("state", "open");
    pr.put("html_url", "https://github.com/" + owner + "/" + name + "/pull/" + number);
    pr.put("diff_url", "https://github.com/" + owner + "/" + name + "/pull/" + number + ".diff");
    pr.put("issue_url", repoUrl() + "/issues/" + number);
    pr.put("locked", false).put("title", title).put("body", body);
    pr.set("user", user("braid-bot"));
    pr.putArray("labels");
    pr.put("created_at", TIME).put("updated_at", TIME);
    pr.putNull("closed_at").putNull("merged_at").putNull("merge_commit_sha");
    pr.put("merged", false).putNull("merged_by");
    pr.set("head", branchPointer(head));
    pr.set("base", branchPointer(base));
    pr.put("draft", false).put("author_association", "OWNER");
    return pr;
  }

  /**
   * An issue as "Create an issue" and "List repository issues" return it; a pull request listed
   * among issues carries {@code pull_request}, which is how clients tell the two apart.
   */
  public ObjectNode issue(int number, String title, String body) {
    ObjectNode issue = MAPPER.createObjectNode();
    issue.put("url", repoUrl() + "/issues/" + number).put("id", 5000 + number);
    issue.put("node_id", "I_" + number).put("number", number);
    issue.put("repository_url", repoUrl());
    issue.put("comments_url", repoUrl() + "/issues/" + number + "/comments");
    issue.put("html_url", "https://github.com/" + owner + "/" + name + "/issues/" + number);
    issue.put("state", "open").putNull("state_reason").put("title", title).put("body", body);
    issue.set("user", user("braid-bot"));
    issue.putArray("labels");
    issue.putNull("assignee").putArray("assignees");
    issue.putNull("milestone").put("locked", false).put("comments", 0);
    String now = now();
    issue.put("created_at", now).put("updated_at", now).putNull("closed_at");
    issue.put("author_association", "OWNER");
    return issue;
  }

  /** A pull request in the shape of an issue, for the issues endpoints. */
  public ObjectNode issueOf(ObjectNode pr) {
    ObjectNode issue = issue(pr.get("number").asInt(), pr.get("title").asText(), null);
    issue.set("body", pr.get("body"));
    issue.put("html_url", pr.get("html_url").asText()).put("state", pr.get("state").asText());
    issue.set("labels", pr.get("labels").deepCopy());
    issue.set("closed_at", pr.get("closed_at"));
    ObjectNode link = issue.putObject("pull_request");
    link.put("url", pr.get("url").asText()).put("html_url", pr.get("html_url").asText());
    link.set("merged_at", pr.get("merged_at"));
    return issue;
  }

  /** A comment on an issue or on a pull request's conversation. */
  public ObjectNode issueComment(long id, int number, String body) {
    ObjectNode comment = MAPPER.createObjectNode();
    comment.put("id", id).put("node_id", "IC_" + id);
    comment.put("url", repoUrl() + "/issues/comments/" + id);
    comment.put(
        "html_url",
        "https://github.com/" + owner + "/" + name + "/issues/" + number + "#issuecomment-" + id);
    comment.put("body", body).set("user", user("braid-bot"));
    String now = now();
    comment.put("created_at", now).put("updated_at", now);
    comment.put("issue_url", repoUrl() + "/issues/" + number);
    comment.put("author_association", "OWNER");
    return comment;
  }

  /** The current time as GitHub writes it, to the second. */
  public static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /**
   * A client error body.
   *
   * @param errors {@code errors[]} entries, or null for none
   */
  public static ObjectNode error(
      int status, String message, String documentation, ArrayNode errors) {
    ObjectNode error = MAPPER.createObjectNode();
    error.put("message", message);
    if (errors != null) {
      error.set("errors", errors);
    }
    error.put("documentation_url", documentation).put("status", String.valueOf(status));
    return error;
  }

  /** One {@code errors[]} entry. */
  public static ObjectNode fieldError(String field, String code, String message) {
    ObjectNode error = MAPPER.createObjectNode().put("resource", "PullRequest");
    if (field != null) {
      error.put("field", field);
    }
    error.put("code", code);
    if (message != null) {
      error.put("message", message);
    }
    return error;
  }
}
