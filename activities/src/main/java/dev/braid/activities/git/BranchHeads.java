package dev.braid.activities.git;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each task branch to merge is, for a checkout that may not have run the task: its local
 * branch, or the remote's when that one contains the local one.
 *
 * <p>A task prepared on this host and then moved to another (this host's agents were busy, or it
 * was lost) leaves its local branch here at its base, while its work went to the remote from the
 * other host. Merging the local branch would count the task as merged with none of its work in.
 */
final class BranchHeads {
  private static final Logger log = LoggerFactory.getLogger(BranchHeads.class);
  private static final String HEADS = "refs/heads/";

  private BranchHeads() {}

  /**
   * The ref to merge for each branch: {@code refs/heads/<branch>}, or {@code
   * refs/remotes/<remote>/<branch>} when the remote's branch is ahead of the local one or the
   * checkout lacks the branch. The remote's branches are listed in one call, and only those that
   * differ from the local ones are fetched, in one more; a branch neither has keeps its local name,
   * which does not resolve.
   */
  static Map<String, String> refs(GitCli main, String remote, Set<String> branches) {
    Map<String, String> refs = new LinkedHashMap<>();
    branches.forEach(branch -> refs.put(branch, HEADS + branch));
    if (branches.isEmpty() || remote == null || remote.isBlank() || !main.hasRemote(remote)) {
      return refs;
    }
    Map<String, String> localHeads =
        heads(main, branches, "for-each-ref", "--format=%(objectname)\t%(refname)");
    Map<String, String> remoteHeads = heads(main, branches, "ls-remote", "--heads", remote);
    Map<String, String> moved = new LinkedHashMap<>();
    List<String> fetch = new ArrayList<>(List.of("fetch", "--quiet", remote));
    remoteHeads.forEach(
        (branch, commit) -> {
          if (!commit.equals(localHeads.get(branch))) {
            String tracking = "refs/remotes/" + remote + "/" + branch;
            moved.put(branch, tracking);
            fetch.add("+" + HEADS + branch + ":" + tracking);
          }
        });
    if (moved.isEmpty()) {
      return refs;
    }
    main.run(fetch.toArray(String[]::new));
    moved.forEach(
        (branch, tracking) -> {
          String local = localHeads.get(branch);
          if (local == null) {
            refs.put(branch, tracking);
          } else if (main.isAncestor(local, remoteHeads.get(branch))) {
            log.info("{} here is behind {}'s: its task went on on another host", branch, remote);
            refs.put(branch, tracking);
          }
        });
    return refs;
  }

  /**
   * The heads among the branches that a command printing {@code <commit> TAB <ref>} lines lists.
   */
  private static Map<String, String> heads(GitCli main, Set<String> branches, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    branches.forEach(branch -> args.add(HEADS + branch));
    Map<String, String> heads = new LinkedHashMap<>();
    for (String line : main.run(args.toArray(String[]::new)).split("\n")) {
      int tab = line.indexOf('\t');
      // A pattern also matches refs ending in it (x/refs/heads/a): keep exact names.
      if (tab > 0 && line.startsWith(HEADS, tab + 1)) {
        String branch = line.substring(tab + 1 + HEADS.length());
        if (branches.contains(branch)) {
          heads.put(branch, line.substring(0, tab));
        }
      }
    }
    return heads;
  }
}
