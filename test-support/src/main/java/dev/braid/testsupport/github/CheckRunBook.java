package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The check runs of every commit. A repository's required checks start on a commit the first time
 * anyone asks about it (as if CI had been triggered by the push), stay in progress for a scripted
 * number of reads, then conclude: {@code success}, or {@code failure} with a log when a {@link
 * CheckScript} is spent on that commit. Once concluded, a commit's runs never change, like
 * GitHub's.
 */
final class CheckRunBook {
  private final FeedbackJson json;
  private final List<String> required = new ArrayList<>();
  private final List<CheckScript> scripts = new ArrayList<>();
  private final Map<String, List<ObjectNode>> runs = new HashMap<>();
  private final Map<Long, String> planned = new HashMap<>();
  private final Map<String, Integer> reads = new HashMap<>();
  private final Set<String> started = new HashSet<>();
  private int pendingReads;
  private long nextId = 1_000_001;

  CheckRunBook(FeedbackJson json) {
    this.json = json;
  }

  void require(List<String> names) {
    required.addAll(names);
  }

  void pendingFor(int readsBeforeDone) {
    pendingReads = readsBeforeDone;
  }

  void script(CheckScript script) {
    scripts.add(script);
  }

  /** Adds a run to a commit as a test states it, concluded when {@code conclusion} is given. */
  ObjectNode add(
      String sha, String name, String conclusion, String title, String summary, String text) {
    ObjectNode run = json.checkRun(nextId++, sha, name, title, summary, text);
    if (conclusion != null) {
      FeedbackJson.complete(run, conclusion);
    }
    runs.computeIfAbsent(sha, s -> new ArrayList<>()).add(run);
    return run;
  }

  /**
   * The runs of a commit, as GitHub lists them with {@code filter=latest}: the newest run of each
   * name. Counts as one read for runs still in progress.
   *
   * @param branchAtCommit tells whether a branch's head is this commit, for the scripts
   */
  List<ObjectNode> latest(String sha, Predicate<String> branchAtCommit) {
    if (started.add(sha)) {
      start(sha, branchAtCommit);
    }
    int read = reads.merge(sha, 1, Integer::sum);
    Map<String, ObjectNode> byName = new LinkedHashMap<>();
    for (ObjectNode run : runs.get(sha)) {
      String outcome = planned.get(run.get("id").asLong());
      if (outcome != null && read > pendingReads) {
        planned.remove(run.get("id").asLong());
        FeedbackJson.complete(run, outcome);
      }
      byName.put(run.get("name").asText(), run);
    }
    return List.copyOf(byName.values());
  }

  private void start(String sha, Predicate<String> branchAtCommit) {
    List<ObjectNode> commitRuns = runs.computeIfAbsent(sha, s -> new ArrayList<>());
    for (String name : required) {
      CheckScript failing = null;
      for (CheckScript script : scripts) {
        if (failing == null && script.spendOn(name, branchAtCommit)) {
          failing = script;
        }
      }
      ObjectNode run =
          failing == null
              ? json.checkRun(nextId++, sha, name, name + " passed", "All good.", "")
              : json.checkRun(nextId++, sha, name, failing.title, failing.title, failing.log);
      planned.put(run.get("id").asLong(), failing == null ? "success" : "failure");
      commitRuns.add(run);
    }
  }
}
