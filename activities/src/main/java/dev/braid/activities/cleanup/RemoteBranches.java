package dev.braid.activities.cleanup;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.process.ProcessOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote's copies of a run's branches, read with one {@code ls-remote}, and deleted only when
 * the target contains them. The rule looks at the remote's commit rather than at whether the local
 * branch was just deleted, so that a cleanup cut short after its local deletes finishes the job
 * when it runs again.
 */
final class RemoteBranches {
  private static final Logger log = LoggerFactory.getLogger(RemoteBranches.class);

  private final GitCli main;
  private final String remote;
  private final Map<String, String> commits;
  private final String unreachable;

  private RemoteBranches(
      GitCli main, String remote, Map<String, String> commits, String unreachable) {
    this.main = main;
    this.remote = remote;
    this.commits = commits;
    this.unreachable = unreachable;
  }

  /**
   * Reads the remote's copies of these branches; none when the remote is not named or the
   * repository lacks it.
   */
  static RemoteBranches read(GitCli main, String remote, List<String> branches) {
    if (remote == null || remote.isBlank() || !main.hasRemote(remote) || branches.isEmpty()) {
      return new RemoteBranches(main, remote, Map.of(), null);
    }
    List<String> args = new ArrayList<>(List.of("ls-remote", remote));
    branches.forEach(b -> args.add("refs/heads/" + b));
    ProcessOutcome listed = main.tryRun(args.toArray(String[]::new));
    if (!listed.succeeded()) {
      return new RemoteBranches(main, remote, Map.of(), listed.output().trim());
    }
    Map<String, String> commits = new HashMap<>();
    for (String line : listed.output().split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && parts[1].startsWith("refs/heads/")) {
        commits.put(parts[1].substring("refs/heads/".length()), parts[0]);
      }
    }
    return new RemoteBranches(main, remote, commits, null);
  }

  /** Why the remote could not be read, when it could not. */
  Optional<String> unreachable() {
    return Optional.ofNullable(unreachable).map(why -> "could not be reached: " + why);
  }

  /** The remote's name, to prefix its branches with in reports. */
  String name() {
    return remote;
  }

  /**
   * Deletes the remote's copy of the branch when the target contains its commit. Idempotent: a
   * branch the remote no longer has is {@link Decision#ABSENT}. The delete is a compare-and-swap on
   * the remote ({@code --force-with-lease} on the commit just checked), so a commit someone pushed
   * meanwhile is never deleted.
   */
  Decision deleteIfMerged(String branch, String target) {
    String commit = commits.get(branch);
    if (commit == null) {
      return Decision.ABSENT;
    }
    String targetRef = "refs/heads/" + target;
    if (main.resolve(commit).isEmpty()) {
      return Decision.kept("has commits this repository lacks, so they are not in " + target);
    }
    if (!main.isAncestor(commit, targetRef)) {
      return Decision.kept(BranchSweeper.unmerged(main, commit, targetRef, target));
    }
    String ref = "refs/heads/" + branch;
    ProcessOutcome pushed =
        main.tryRun(
            "push", "--quiet", "--force-with-lease=" + ref + ":" + commit, remote, "--delete", ref);
    if (!pushed.succeeded() && !pushed.output().contains("remote ref does not exist")) {
      return Decision.kept("git would not delete it: " + pushed.output().trim());
    }
    log.info("Deleted {} on {} (was {}), merged into {}", branch, remote, commit, target);
    return Decision.DONE;
  }
}
