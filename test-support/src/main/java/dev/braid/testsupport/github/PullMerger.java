package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * "Merge a pull request" ({@code PUT /repos/{owner}/{repo}/pulls/{number}/merge}) with GitHub's
 * answers: 200 with the merge commit; 405 when the pull request is not open or conflicts with its
 * base; 409 when {@code sha} is not the head any more; 422 for a merge method other than {@code
 * merge}. With a real origin, the merge commit is written there and the base branch moves to it.
 */
final class PullMerger {
  private final GitHubState state;

  PullMerger(GitHubState state) {
    this.state = state;
  }

  Reply merge(ObjectNode pr, JsonNode body) {
    state.refreshed(pr);
    String method = body.path("merge_method").asText("merge");
    if (!method.equals("merge")) {
      return Reply.error(422, "Only merge commits are allowed by this stand-in, not " + method);
    }
    if (!pr.get("state").asText().equals("open")) {
      return Reply.error(405, "Pull Request is not mergeable");
    }
    String head = pr.at("/head/sha").asText();
    if (body.hasNonNull("sha") && !body.get("sha").asText().equals(head)) {
      return Reply.error(409, "Head branch was modified. Review and try the merge again.");
    }
    int number = pr.get("number").asInt();
    String message =
        body.path("commit_title")
                .asText(
                    "Merge pull request #"
                        + number
                        + " from "
                        + state.owner
                        + "/"
                        + pr.at("/head/ref").asText())
            + "\n\n"
            + body.path("commit_message").asText(pr.get("title").asText());
    Optional<String> mergeCommit;
    if (state.origin == null) {
      mergeCommit = Optional.of(String.format("%040x", 0xbeef00L + number));
    } else {
      String base = pr.at("/base/ref").asText();
      mergeCommit =
          state
              .branchSha(base)
              .flatMap(baseSha -> state.origin.merge(base, baseSha, head, message));
    }
    if (mergeCommit.isEmpty()) {
      return Reply.error(405, "Pull Request is not mergeable");
    }
    String now = GitHubJson.now();
    pr.put("state", "closed").put("merged", true).put("mergeable", (String) null);
    pr.put("merged_at", now).put("closed_at", now).put("updated_at", now);
    pr.put("merge_commit_sha", mergeCommit.get()).set("merged_by", state.json.user(state.owner));
    ObjectNode answer = GitHubJson.MAPPER.createObjectNode();
    answer.put("sha", mergeCommit.get()).put("merged", true);
    answer.put("message", "Pull Request successfully merged");
    return Reply.ok(answer);
  }

  /** GitHub's {@code mergeable} for the single-pull-request answer; null when it cannot tell. */
  Boolean mergeable(ObjectNode pr) {
    if (!pr.get("state").asText().equals("open") || state.origin == null) {
      return pr.get("state").asText().equals("open") ? Boolean.TRUE : null;
    }
    Optional<String> base = state.branchSha(pr.at("/base/ref").asText());
    Optional<String> head = state.branchSha(pr.at("/head/ref").asText());
    if (base.isEmpty() || head.isEmpty()) {
      return null;
    }
    return state.origin.mergeable(base.get(), head.get());
  }
}
