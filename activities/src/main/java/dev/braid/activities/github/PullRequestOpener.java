package dev.braid.activities.github;

import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestResult;
import dev.braid.activity.PullRequestSnapshot;
import dev.braid.activity.PullRequestSpec;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;

/**
 * Opens a task's pull request on its base, or finds it again: an open one is updated by {@link
 * PullRequestSync} (the same rules as merge mode {@code pr} always had), a merged or closed one is
 * returned as it is, since opening a second pull request for the same work would duplicate it.
 */
final class PullRequestOpener {
  private final GHRepository repository;

  PullRequestOpener(GHRepository repository) {
    this.repository = repository;
  }

  PullRequestSnapshot open(PullRequestSpec spec) throws IOException {
    List<GHPullRequest> all = everyPullRequestOf(spec.branch());
    boolean anyOpen = all.stream().anyMatch(pr -> pr.getState() == GHIssueState.OPEN);
    if (!anyOpen && !all.isEmpty()) {
      GHPullRequest ended =
          all.stream()
              .max(
                  Comparator.comparing((GHPullRequest pr) -> pr.getMergedAt() != null)
                      .thenComparing(GHPullRequest::getNumber))
              .orElseThrow();
      return PullRequestSnapshots.of(repository.getPullRequest(ended.getNumber()), false);
    }
    PullRequestRequest filled = TaskFileText.fill(asRequest(spec));
    PullRequestResult result =
        new PullRequestSync(repository).openOrUpdate(withIssueLink(filled, spec));
    return PullRequestSnapshots.of(repository.getPullRequest(result.number()), result.created());
  }

  private List<GHPullRequest> everyPullRequestOf(String branch) throws IOException {
    return repository
        .queryPullRequests()
        .head(repository.getOwnerName() + ":" + branch)
        .state(GHIssueState.ALL)
        .list()
        .toList()
        .stream()
        .filter(pr -> branch.equals(pr.getHead().getRef()))
        .toList();
  }

  private static PullRequestRequest asRequest(PullRequestSpec spec) {
    return new PullRequestRequest(
        spec.github().repo(),
        spec.github().remote(),
        spec.branch(),
        spec.base(),
        spec.title(),
        spec.body(),
        spec.labels(),
        spec.github().repository(),
        spec.github().apiUrl(),
        spec.taskFile(),
        spec.taskText());
  }

  /**
   * Starts the body with {@code Closes #N}, so merging the pull request closes the task's issue; at
   * the start, because a task file too long for GitHub is cut at its end. A body that already says
   * so is left alone.
   */
  private static PullRequestRequest withIssueLink(PullRequestRequest r, PullRequestSpec spec) {
    Integer issue = spec.closesIssue();
    if (issue == null
        || Pattern.compile("(?im)^\\s*closes\\s+#" + issue + "\\b").matcher(r.body()).find()) {
      return r;
    }
    return new PullRequestRequest(
        r.repo(),
        r.remote(),
        r.branch(),
        r.base(),
        r.title(),
        "Closes #" + issue + "\n\n" + r.body(),
        r.labels(),
        r.repository(),
        r.apiUrl(),
        r.taskFile(),
        r.taskText());
  }
}
