package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What CI and reviewers say: "List check runs for a Git reference" ({@code GET
 * /repos/{owner}/{repo}/commits/{ref}/check-runs}, by {@code check_name} and {@code status}), "List
 * reviews for a pull request" and "List review comments on a pull request".
 */
final class FeedbackEndpoints {
  private final GitHubState state;

  FeedbackEndpoints(GitHubState state) {
    this.state = state;
  }

  Reply checkRuns(String ref, Map<String, String> query) {
    Optional<String> sha =
        state.origin != null ? state.origin.resolve(ref) : Optional.of(shaWithoutOrigin(ref));
    if (sha.isEmpty()) {
      return Reply.error(422, "No commit found for SHA: " + ref);
    }
    String commit = sha.get();
    List<ObjectNode> runs =
        state.checks.latest(commit, branch -> state.branchAt(branch, commit)).stream()
            .filter(
                r ->
                    !query.containsKey("check_name")
                        || r.get("name").asText().equals(query.get("check_name")))
            .filter(
                r ->
                    !query.containsKey("status")
                        || r.get("status").asText().equals(query.get("status")))
            .toList();
    ObjectNode answer = GitHubJson.MAPPER.createObjectNode();
    answer.put("total_count", runs.size());
    answer.putArray("check_runs").addAll(runs);
    return Reply.ok(answer);
  }

  Reply reviews(String path, ObjectNode pr, Map<String, String> query) {
    state.reviewScriptsFor(pr);
    return Paging.page(
        state.json.apiUrl(), path, query, state.reviews.reviews(pr.get("number").asInt()));
  }

  Reply reviewComments(String path, ObjectNode pr, Map<String, String> query) {
    state.reviewScriptsFor(pr);
    return Paging.page(
        state.json.apiUrl(), path, query, state.reviews.comments(pr.get("number").asInt()));
  }

  /** Without an origin, a branch name stands for its pull request's placeholder head. */
  private String shaWithoutOrigin(String ref) {
    return state.pulls.values().stream()
        .filter(pr -> pr.at("/head/ref").asText().equals(ref))
        .map(pr -> pr.at("/head/sha").asText())
        .findFirst()
        .orElse(ref);
  }
}
