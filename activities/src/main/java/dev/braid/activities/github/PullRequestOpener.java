package dev.braid.activities.github;

import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestResult;
import dev.braid.activity.PullRequestSnapshot;
import dev.braid.activity.PullRequestSpec;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;

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
    Optional<PullRequestSnapshot> ended = ended(spec.branch());
    if (ended.isPresent()) {
      return ended.get();
    }
    PullRequestRequest filled = TaskFileText.fill(asRequest(spec));
    PullRequestResult result;
    try {
      result = new PullRequestSync(repository).openOrUpdate(withIssueLink(filled, spec));
    } catch (HttpException e) {
      // Merged or closed between the look above and the create, which GitHub then refuses ("No
      // commits between"): the pull request that ended is the answer, never a second one.
      Optional<PullRequestSnapshot> endedMeanwhile =
          e.getResponseCode() == 422 ? ended(spec.branch()) : Optional.empty();
      return endedMeanwhile.orElseThrow(() -> e);
    }
    return PullRequestSnapshots.of(repository.getPullRequest(result.number()), result.created());
  }

  /**
   * The branch's pull request that ended, merged before closed, newest first, when none is open:
   * the workflow decides what it means. Empty while one is open, or before any was opened.
   */
  private Optional<PullRequestSnapshot> ended(String branch) throws IOException {
    List<GHPullRequest> all = everyPullRequestOf(branch);
    if (all.isEmpty() || all.stream().anyMatch(pr -> pr.getState() == GHIssueState.OPEN)) {
      return Optional.empty();
    }
    GHPullRequest ended =
        all.stream()
            .max(
                Comparator.comparing((GHPullRequest pr) -> pr.getMergedAt() != null)
                    .thenComparing(GHPullRequest::getNumber))
            .orElseThrow();
    return Optional.of(
        PullRequestSnapshots.of(repository.getPullRequest(ended.getNumber()), false));
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
