package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.testsupport.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Agents that hang past their tier's timeout, on the real dev server: each is killed with its whole
 * process tree, its next attempt runs, and the run completes. Three run at once, so killing one
 * tree is also seen not to touch the others:
 *
 * <ul>
 *   <li>{@code hung}: hangs silently; SIGTERM ends it;
 *   <li>{@code stubborn}: ignores SIGTERM; only the SIGKILL after the grace ends it;
 *   <li>{@code forking}: hangs with three {@code sleep} children, which must not outlive it.
 * </ul>
 */
@Tag("e2e")
class HungAgentIT extends FaultTest {
  private static final Pattern CHILD = Pattern.compile("forked child (\\d+)");
  private static final String HANG = "\"hangSeconds\": 300, \"hangUntilAttempt\": 2";

  @Test
  void hungAgentsAreKilledOnTimeoutWithTheirTreesAndRetried() throws Exception {
    r =
        FaultRepo.in(tmp)
            .tier("fast", 2, "10s")
            .maxParallel(3)
            .task("hung", HANG)
            .task("stubborn", HANG + ", \"ignoreSigterm\": true")
            .task("forking", HANG + ", \"forkChildren\": 3")
            .create();

    Braid.Running execute = start("execute", "--json");
    // Every process of each first attempt, found while it hangs: the agent, and its children.
    Map<String, List<Long>> trees = new java.util.HashMap<>();
    for (String id : r.taskIds) {
      Path log = r.awaitAttemptLog(id, "1-fast.log", PHASE_TIMEOUT);
      Await.text(log, "hanging for", PHASE_TIMEOUT);
      List<Long> pids = new ArrayList<>();
      Processes.workingUnder(r.repo.resolve("worktrees/" + id)).forEach(p -> pids.add(p.pid()));
      trees.put(id, pids);
    }
    assertTrue(Files.readString(log("stubborn", 1)).contains("ignoring SIGTERM"));
    List<Long> children = children(log("forking", 1));
    assertEquals(3, children.size(), Files.readString(log("forking", 1)));
    assertTrue(trees.get("forking").containsAll(children), trees.toString());
    for (String id : r.taskIds) {
      assertFalse(trees.get(id).isEmpty(), "no process of " + id + " was seen hanging");
    }

    Braid.Result done = execute.await(RUN_TIMEOUT);

    CompletedRun.check(r, done, Map.of("hung", 2, "stubborn", 2, "forking", 2));
    for (String id : r.taskIds) {
      for (long pid : trees.get(id)) {
        assertFalse(Processes.running(pid), id + ": process " + pid + " of attempt 1 still runs");
      }
      // Attempt 2 was told why attempt 1 failed: the timeout, not a crash or the checks.
      Path gitDir =
          Path.of(Git.run(r.repo.resolve("worktrees/" + id), "rev-parse", "--absolute-git-dir"));
      String feedback = Files.readString(gitDir.resolve("braid/feedback-2.txt"));
      assertTrue(feedback.contains("timed out after 10"), id + ": " + feedback);
      assertTrue(Files.readString(log(id, 2)).contains("scripted-agent: done"), id);
    }
  }

  private Path log(String taskId, int attempt) throws Exception {
    return r.awaitAttemptLog(taskId, attempt + "-fast.log", PHASE_TIMEOUT);
  }

  private static List<Long> children(Path log) throws Exception {
    List<Long> pids = new ArrayList<>();
    Matcher m = CHILD.matcher(Files.readString(log));
    while (m.find()) {
      pids.add(Long.parseLong(m.group(1)));
    }
    return pids;
  }
}
