package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The issue endpoints: list (by {@code labels} and {@code state}, newest first, paged, pull
 * requests included as GitHub includes them), create, get, update, comments, and labels. Pull
 * requests are issues here too, so their conversation comments and labels go through these.
 */
final class IssueEndpoints {
  private final GitHubState state;

  IssueEndpoints(GitHubState state) {
    this.state = state;
  }

  Reply list(String path, Map<String, String> query) {
    String wanted = query.getOrDefault("state", "open");
    List<String> labels =
        query.getOrDefault("labels", "").isBlank()
            ? List.of()
            : Arrays.asList(query.get("labels").split(","));
    List<ObjectNode> all = new ArrayList<>();
    for (int number = state.nextNumber - 1; number > 0; number--) {
      ObjectNode issue = asIssue(number);
      if (issue != null
          && (wanted.equals("all") || wanted.equals(issue.get("state").asText()))
          && labelNames(issue).containsAll(labels)) {
        all.add(issue);
      }
    }
    return Paging.page(state.json.apiUrl(), path, query, all);
  }

  Reply create(JsonNode body) {
    if (!body.hasNonNull("title") || body.get("title").asText().isBlank()) {
      ArrayNode errors =
          GitHubJson.MAPPER
              .createArrayNode()
              .add(GitHubJson.fieldError("title", "missing_field", null).put("resource", "Issue"));
      return new Reply(
          422, GitHubJson.error(422, "Validation Failed", Reply.DOCS, errors), Map.of());
    }
    int number = state.nextNumber++;
    ObjectNode issue =
        state.json.issue(number, body.get("title").asText(), body.path("body").asText(null));
    addLabels((ArrayNode) issue.get("labels"), body.path("labels"));
    state.issues.put(number, issue);
    return Reply.created(issue, issue.get("url").asText());
  }

  Reply get(int number) {
    ObjectNode issue = asIssue(number);
    return issue == null ? Reply.notFound() : Reply.ok(issue);
  }

  /** "Update an issue": title, body, state (with {@code state_reason}) and labels. */
  Reply update(int number, JsonNode body) {
    ObjectNode issue = state.issues.get(number);
    if (issue == null) {
      return Reply.notFound();
    }
    for (String field : List.of("title", "body", "state_reason")) {
      if (body.has(field)) {
        issue.set(field, body.get(field));
      }
    }
    if (body.has("state") && !body.get("state").asText().equals(issue.get("state").asText())) {
      boolean closing = body.get("state").asText().equals("closed");
      issue.put("state", body.get("state").asText());
      issue.put("closed_at", closing ? GitHubJson.now() : null);
      if (!body.has("state_reason")) {
        issue.put("state_reason", closing ? "completed" : "reopened");
      }
    }
    if (body.has("labels")) {
      ArrayNode labels = issue.putArray("labels");
      addLabels(labels, body.get("labels"));
    }
    issue.put("updated_at", GitHubJson.now());
    return Reply.ok(issue);
  }

  Reply comments(String path, int number, Map<String, String> query) {
    if (asIssue(number) == null) {
      return Reply.notFound();
    }
    return Paging.page(
        state.json.apiUrl(), path, query, state.comments.getOrDefault(number, List.of()));
  }

  Reply comment(int number, JsonNode body) {
    if (asIssue(number) == null) {
      return Reply.notFound();
    }
    if (!body.hasNonNull("body")) {
      return Reply.error(422, "Validation Failed");
    }
    ObjectNode comment =
        state.json.issueComment(state.nextCommentId++, number, body.get("body").asText());
    state.comments.computeIfAbsent(number, n -> new ArrayList<>()).add(comment);
    ObjectNode issue = state.issues.get(number);
    if (issue != null) {
      issue.put("comments", state.comments.get(number).size());
    }
    return Reply.created(comment, comment.get("url").asText());
  }

  /** "Add labels to an issue", on an issue or a pull request; a label already there stays one. */
  Reply addLabels(int number, JsonNode body) {
    ObjectNode target =
        state.pulls.containsKey(number) ? state.pulls.get(number) : state.issues.get(number);
    if (target == null) {
      return Reply.notFound();
    }
    ArrayNode labels = (ArrayNode) target.get("labels");
    addLabels(labels, body.path("labels"));
    return Reply.ok(labels.deepCopy());
  }

  private void addLabels(ArrayNode labels, JsonNode names) {
    for (JsonNode label : names) {
      String name = label.isObject() ? label.path("name").asText() : label.asText();
      if (!labelNames(labels).contains(name)) {
        labels.add(state.json.label(name));
      }
    }
  }

  private ObjectNode asIssue(int number) {
    if (state.issues.containsKey(number)) {
      return state.issues.get(number);
    }
    ObjectNode pr = state.pulls.get(number);
    return pr == null ? null : state.json.issueOf(pr);
  }

  private static List<String> labelNames(JsonNode issueOrLabels) {
    JsonNode labels = issueOrLabels.isArray() ? issueOrLabels : issueOrLabels.path("labels");
    List<String> names = new ArrayList<>();
    labels.forEach(l -> names.add(l.path("name").asText()));
    return names;
  }
}
