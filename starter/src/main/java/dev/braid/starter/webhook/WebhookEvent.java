package dev.braid.starter.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What braid takes from a GitHub webhook delivery: the branches it is about, and whether a pull
 * request ended (merged or closed), which concerns the pull requests stacked on its branch too.
 * Only names are read; nothing of the payload goes further than this process.
 *
 * @param branches the head branches the event concerns
 * @param pullRequestEnded whether a pull request was closed, merged or not
 */
record WebhookEvent(List<String> branches, boolean pullRequestEnded) {

  /** The events a waiting task cares about; others are acknowledged and ignored. */
  static final Set<String> KINDS =
      Set.of(
          "pull_request",
          "pull_request_review",
          "pull_request_review_comment",
          "check_run",
          "check_suite",
          "status");

  static WebhookEvent of(String kind, JsonNode payload) {
    Set<String> branches = new LinkedHashSet<>();
    add(branches, payload.at("/pull_request/head/ref"));
    add(branches, payload.at("/check_suite/head_branch"));
    add(branches, payload.at("/check_run/check_suite/head_branch"));
    for (JsonNode pr : payload.at("/check_run/pull_requests")) {
      add(branches, pr.at("/head/ref"));
    }
    for (JsonNode pr : payload.at("/check_suite/pull_requests")) {
      add(branches, pr.at("/head/ref"));
    }
    for (JsonNode branch : payload.at("/branches")) {
      add(branches, branch.at("/name"));
    }
    boolean ended = kind.equals("pull_request") && payload.path("action").asText().equals("closed");
    return new WebhookEvent(List.copyOf(branches), ended);
  }

  private static void add(Set<String> branches, JsonNode name) {
    if (name.isTextual() && !name.asText().isBlank()) {
      branches.add(name.asText());
    }
  }
}
