package dev.braid.activities.github;

import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a repository's open pull request for a branch match a request, opening it when there is
 * none. Looking first is what makes a repeat safe; see {@link
 * dev.braid.activity.PullRequestActivities#openOrUpdate}.
 */
final class PullRequestSync {
  private static final Logger log = LoggerFactory.getLogger(PullRequestSync.class);

  /** GitHub refuses a longer body with a 422; a long task file is cut rather than refused. */
  static final int MAX_BODY_CHARS = 65_536;

  private static final String CUT_NOTE = "\n\n_(cut to fit GitHub's limit)_";

  private final GHRepository repository;

  PullRequestSync(GHRepository repository) {
    this.repository = repository;
  }

  PullRequestResult openOrUpdate(PullRequestRequest request) throws IOException {
    String head = repository.getOwnerName() + ":" + request.branch();
    String body = body(request.body());
    Optional<GHPullRequest> found = findOpen(head, request.branch());
    boolean created = found.isEmpty();
    GHPullRequest pr;
    if (created) {
      try {
        pr = repository.createPullRequest(request.title(), request.branch(), request.base(), body);
      } catch (HttpException e) {
        // A 422 may mean the pull request exists but GitHub's list did not show it yet, as when a
        // retried attempt races the first one. Reuse it then; otherwise the refusal stands.
        found = e.getResponseCode() == 422 ? findOpen(head, request.branch()) : Optional.empty();
        pr = found.orElseThrow(() -> e);
        created = false;
      }
    } else {
      pr = found.get();
    }
    if (!created) {
      update(pr, request.title(), body, request.base());
    }
    addMissingLabels(pr, request.labels());
    log.info(
        "{} pull request #{} for {} into {} on {}",
        created ? "opened" : "reused",
        pr.getNumber(),
        request.branch(),
        request.base(),
        repository.getFullName());
    return new PullRequestResult(pr.getNumber(), pr.getHtmlUrl().toString(), created);
  }

  private Optional<GHPullRequest> findOpen(String head, String branch) throws IOException {
    return repository
        .queryPullRequests()
        .head(head)
        .state(GHIssueState.OPEN)
        .list()
        .toList()
        .stream()
        .filter(pr -> branch.equals(pr.getHead().getRef()))
        .findFirst();
  }

  /** Changes only what differs, so a repeat sends nothing and a human's edits elsewhere stay. */
  private static void update(GHPullRequest pr, String title, String body, String base)
      throws IOException {
    if (!Objects.equals(pr.getTitle(), title)) {
      pr.setTitle(title);
    }
    if (!normalized(pr.getBody()).equals(normalized(body))) {
      pr.setBody(body);
    }
    if (!Objects.equals(pr.getBase().getRef(), base)) {
      pr.setBaseBranch(base);
    }
  }

  /** Adds the requested labels the pull request lacks; never removes one a human added. */
  private static void addMissingLabels(GHPullRequest pr, List<String> labels) throws IOException {
    Set<String> present = pr.getLabels().stream().map(GHLabel::getName).collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    for (String label : labels) {
      if (!present.contains(label) && !missing.contains(label)) {
        missing.add(label);
      }
    }
    if (!missing.isEmpty()) {
      pr.addLabels(missing.toArray(String[]::new));
    }
  }

  static String body(String text) {
    String body = text == null ? "" : text;
    return body.length() <= MAX_BODY_CHARS
        ? body
        : body.substring(0, MAX_BODY_CHARS - CUT_NOTE.length()) + CUT_NOTE;
  }

  /** GitHub stores bodies edited in its web UI with CRLF line ends. */
  private static String normalized(String body) {
    return body == null ? "" : body.replace("\r\n", "\n").strip();
  }
}
