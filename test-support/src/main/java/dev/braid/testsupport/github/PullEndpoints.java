package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pull request endpoints: list (filtered by {@code head}, {@code base} and {@code state},
 * newest first, paged), create, get, update (title, body, state, base) and merge.
 */
final class PullEndpoints {
  private final GitHubState state;
  private final PullMerger merger;

  PullEndpoints(GitHubState state) {
    this.state = state;
    this.merger = new PullMerger(state);
  }

  Reply list(String path, Map<String, String> query) {
    String wanted = query.getOrDefault("state", "open");
    String head = query.get("head");
    String base = query.get("base");
    boolean hide = state.hideOpenPulls;
    state.hideOpenPulls = false;
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode pr : state.pulls.values()) {
      String prState = pr.get("state").asText();
      boolean matches =
          (wanted.equals("all") || wanted.equals(prState))
              && (head == null || head.equals(pr.at("/head/label").asText()))
              && (base == null || base.equals(pr.at("/base/ref").asText()));
      if (matches && !(hide && prState.equals("open"))) {
        found.add(0, state.refreshed(pr));
      }
    }
    return Paging.page(state.json.apiUrl(), path, query, found);
  }

  Reply create(JsonNode body) {
    List<ObjectNode> errors = new ArrayList<>();
    for (String field : List.of("title", "head", "base")) {
      if (!body.hasNonNull(field)) {
        errors.add(GitHubJson.fieldError(field, "missing_field", null));
      }
    }
    String head = body.path("head").asText();
    String branch =
        head.startsWith(state.owner + ":") ? head.substring(state.owner.length() + 1) : head;
    String base = body.path("base").asText();
    if (errors.isEmpty() && !state.hasBranch(branch)) {
      errors.add(GitHubJson.fieldError("head", "invalid", null));
    }
    if (errors.isEmpty() && !state.hasBranch(base)) {
      errors.add(GitHubJson.fieldError("base", "invalid", null));
    }
    if (errors.isEmpty() && state.pulls.values().stream().anyMatch(pr -> isOpenFor(pr, branch))) {
      errors.add(
          GitHubJson.fieldError(
              null,
              "custom",
              "A pull request already exists for " + state.owner + ":" + branch + "."));
    }
    if (errors.isEmpty() && state.nothingBetween(base, branch)) {
      // GitHub refuses a pull request that would merge nothing, as when its head merged already.
      errors.add(
          GitHubJson.fieldError(null, "custom", "No commits between " + base + " and " + branch));
    }
    if (!errors.isEmpty()) {
      return validationFailed(errors);
    }
    int number = state.nextNumber++;
    ObjectNode pr =
        state.json.pull(
            number, branch, base, body.get("title").asText(), body.path("body").asText(null));
    state.pulls.put(number, pr);
    state.refreshed(pr);
    return Reply.created(pr, pr.get("url").asText());
  }

  /** "Get a pull request", which alone carries {@code mergeable}, computed when asked. */
  Reply get(ObjectNode pr) {
    ObjectNode answer = state.refreshed(pr).deepCopy();
    Boolean mergeable = merger.mergeable(pr);
    answer.put("mergeable", mergeable);
    answer.put("mergeable_state", mergeable == null ? "unknown" : mergeable ? "clean" : "dirty");
    return Reply.ok(answer);
  }

  Reply update(ObjectNode pr, JsonNode body) {
    boolean open = pr.get("state").asText().equals("open");
    if (body.has("base")) {
      String base = body.get("base").asText();
      if (!open) {
        return Reply.error(422, "Cannot change the base branch of a closed pull request.");
      }
      if (!state.hasBranch(base)) {
        return validationFailed(List.of(GitHubJson.fieldError("base", "invalid", null)));
      }
      pr.set("base", state.json.branchPointer(base));
    }
    if (body.has("state") && !body.get("state").asText().equals(pr.get("state").asText())) {
      if (pr.get("merged").asBoolean()) {
        return Reply.error(422, "Cannot reopen a merged pull request.");
      }
      pr.put("state", body.get("state").asText());
      pr.put("closed_at", open ? GitHubJson.now() : null);
    }
    for (String field : List.of("title", "body")) {
      if (body.has(field)) {
        pr.set(field, body.get(field));
      }
    }
    pr.put("updated_at", GitHubJson.now());
    return Reply.ok(state.refreshed(pr));
  }

  Reply merge(ObjectNode pr, JsonNode body) {
    return merger.merge(pr, body);
  }

  private static Reply validationFailed(List<ObjectNode> errors) {
    ArrayNode list = GitHubJson.MAPPER.createArrayNode().addAll(errors);
    return new Reply(422, GitHubJson.error(422, "Validation Failed", Reply.DOCS, list), Map.of());
  }

  private static boolean isOpenFor(ObjectNode pr, String branch) {
    return pr.get("state").asText().equals("open") && pr.at("/head/ref").asText().equals(branch);
  }
}
