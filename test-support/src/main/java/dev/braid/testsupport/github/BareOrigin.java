package dev.braid.testsupport.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The bare repository the stand-in plays GitHub for: its branches are GitHub's, and merging a pull
 * request writes a real merge commit there and moves the base branch, as GitHub does, so a test can
 * fetch the result like any clone would.
 */
final class BareOrigin {
  private final Path gitDir;

  BareOrigin(Path gitDir) {
    this.gitDir = gitDir;
  }

  /** The commit a branch points at, if the branch exists. */
  Optional<String> branchSha(String branch) {
    return revParse("refs/heads/" + branch);
  }

  /** A branch name or a commit, as the check-runs endpoint's {@code ref} accepts. */
  Optional<String> resolve(String ref) {
    Optional<String> branch = branchSha(ref);
    return branch.isPresent() ? branch : revParse(ref + "^{commit}");
  }

  /** Whether {@code baseSha} already holds {@code headSha}: nothing would be merged. */
  boolean contains(String baseSha, String headSha) {
    return git("merge-base", "--is-ancestor", headSha, baseSha).exit() == 0;
  }

  /** Whether merging {@code head} into {@code base} would go through without conflicts. */
  boolean mergeable(String baseSha, String headSha) {
    return git("merge-tree", "--write-tree", baseSha, headSha).exit() == 0;
  }

  /**
   * Writes GitHub's merge commit of {@code headSha} into {@code base}, whose first parent is the
   * base, and moves the base only if it is still at {@code baseSha}.
   *
   * @return the merge commit, or empty when the two conflict
   */
  Optional<String> merge(String base, String baseSha, String headSha, String message) {
    Result tree = git("merge-tree", "--write-tree", baseSha, headSha);
    if (tree.exit() != 0) {
      return Optional.empty();
    }
    String treeSha = tree.out().lines().findFirst().orElseThrow();
    String commit =
        check(git("commit-tree", treeSha, "-p", baseSha, "-p", headSha, "-m", message)).strip();
    check(git("update-ref", "refs/heads/" + base, commit, baseSha));
    return Optional.of(commit);
  }

  private Optional<String> revParse(String rev) {
    Result r = git("rev-parse", "--verify", "--quiet", rev);
    return r.exit() == 0 ? Optional.of(r.out().strip()) : Optional.empty();
  }

  private static String check(Result r) {
    if (r.exit() != 0) {
      throw new IllegalStateException("git failed in the stand-in's origin: " + r.out());
    }
    return r.out();
  }

  private record Result(int exit, String out) {}

  private Result git(String... args) {
    List<String> command = new ArrayList<>(List.of("git", "--git-dir", gitDir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // GitHub signs its merge commits as itself, whatever the machine's git identity is.
    builder.environment().put("GIT_AUTHOR_NAME", "GitHub");
    builder.environment().put("GIT_AUTHOR_EMAIL", "noreply@github.com");
    builder.environment().put("GIT_COMMITTER_NAME", "GitHub");
    builder.environment().put("GIT_COMMITTER_EMAIL", "noreply@github.com");
    try {
      Process git = builder.start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!git.waitFor(30, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return new Result(-1, "timed out: " + out);
      }
      return new Result(git.exitValue(), out);
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, e.toString());
    }
  }
}
