package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the stand-in's repository holds. Its monitor is the one lock of the stand-in: the
 * endpoints and the test's scripting calls all hold it, so a test never sees half a change.
 */
final class GitHubState {
  /** Where a pull request's head points when the stand-in has no real origin to ask. */
  static final String PLACEHOLDER_SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

  final String token;
  final String owner;
  final String name;
  final GitHubJson json;
  final FeedbackJson feedback;
  final Set<String> branches = new LinkedHashSet<>();
  final Map<Integer, ObjectNode> pulls = new TreeMap<>();
  final Map<Integer, ObjectNode> issues = new TreeMap<>();
  final Map<Integer, List<ObjectNode>> comments = new HashMap<>();
  final CheckRunBook checks;
  final ReviewBook reviews;
  final List<RecordedRequest> requests = new ArrayList<>();
  final List<String> unexpected = new ArrayList<>();
  final List<Canned> canned = new ArrayList<>();
  BareOrigin origin;
  boolean hideOpenPulls;
  boolean holdNextCreate;
  boolean holding;

  /** Issues and pull requests share one sequence of numbers, as on GitHub. */
  int nextNumber = 1;

  long nextCommentId = 4_000_001;

  GitHubState(String token, String owner, String name, String apiUrl) {
    this.token = token;
    this.owner = owner;
    this.name = name;
    this.json = new GitHubJson(apiUrl, owner, name);
    this.feedback = new FeedbackJson(json, owner, name);
    this.checks = new CheckRunBook(feedback);
    this.reviews = new ReviewBook(feedback);
  }

  boolean hasBranch(String branch) {
    return branches.contains(branch) || (origin != null && origin.branchSha(branch).isPresent());
  }

  Optional<String> branchSha(String branch) {
    return origin == null ? Optional.empty() : origin.branchSha(branch);
  }

  /** Whether the base already holds every commit of the head, as far as the origin tells. */
  boolean nothingBetween(String base, String head) {
    Optional<String> baseSha = branchSha(base);
    Optional<String> headSha = branchSha(head);
    return baseSha.isPresent()
        && headSha.isPresent()
        && origin.contains(baseSha.get(), headSha.get());
  }

  /**
   * The pull request with its head and base commits read from the origin now, as GitHub shows them;
   * a merged or closed pull request keeps the head it ended with.
   */
  ObjectNode refreshed(ObjectNode pr) {
    if (pr.get("state").asText().equals("open")) {
      branchSha(pr.at("/head/ref").asText())
          .ifPresent(sha -> ((ObjectNode) pr.get("head")).put("sha", sha));
      branchSha(pr.at("/base/ref").asText())
          .ifPresent(sha -> ((ObjectNode) pr.get("base")).put("sha", sha));
    }
    return pr;
  }

  /** Whether the branch's head is this commit, on the origin or as its pull request shows. */
  boolean branchAt(String branch, String sha) {
    if (branchSha(branch).filter(sha::equals).isPresent()) {
      return true;
    }
    return pulls.values().stream()
        .map(this::refreshed)
        .anyMatch(
            pr ->
                pr.at("/head/ref").asText().equals(branch)
                    && pr.at("/head/sha").asText().equals(sha));
  }

  /** Applies the review scripts to a pull request before anyone reads its reviews. */
  void reviewScriptsFor(ObjectNode pr) {
    refreshed(pr);
    reviews.applyScripts(
        pr.get("number").asInt(),
        pr.at("/head/ref").asText(),
        pr.at("/head/sha").asText(),
        pr.get("state").asText().equals("open"));
  }
}
