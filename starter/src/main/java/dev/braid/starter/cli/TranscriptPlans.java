package dev.braid.starter.cli;

import dev.braid.starter.transcript.ExtractedTask;
import dev.braid.starter.transcript.Extraction;
import dev.braid.starter.transcript.PlanExtraction;
import dev.braid.starter.transcript.Transcript;
import dev.braid.starter.transcript.TranscriptFinder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan taken from a Claude Code transcript, for {@code plan extract} and for {@code execute}: the
 * transcript found, the plan extracted, and what was written, said in the same words by both.
 */
final class TranscriptPlans {
  private TranscriptPlans() {}

  /** Whether braid runs inside Claude Code: its Bash tool sets this for every command it runs. */
  static boolean insideClaudeCode(Map<String, String> env) {
    return "1".equals(env.get("CLAUDECODE"));
  }

  /**
   * Extracts the plan of the named transcript, or of the current session's.
   *
   * @param transcript the file named, or null for the current session's
   * @param flag the command's option that names a transcript, for its messages
   */
  static Extraction extract(
      Path repo, Path transcript, String flag, boolean force, Map<String, String> env) {
    // The session may have started in the repository or in the folder braid runs in.
    Set<Path> places = new LinkedHashSet<>();
    places.add(Path.of("").toAbsolutePath().normalize());
    places.add(repo);
    Transcript found = new TranscriptFinder(env, flag).find(transcript, List.copyOf(places));
    return PlanExtraction.extract(found, repo, force);
  }

  /** Says what was found, where, and what was written. */
  static void print(Extraction e, PrintWriter out) {
    int plans = e.message().plansSeen();
    out.printf(
        "Found a plan in %s, line %d (%s%s).%n",
        e.transcript().file(),
        e.message().line(),
        e.transcript().how(),
        plans > 1 ? "; the last of its " + plans + " plans" : "");
    if (e.replacedTo() != null) {
      out.println("The plan that was there is now in " + e.replacedTo());
    }
    out.printf(
        "Wrote %s: '%s', %d task%s%n",
        e.planDir(),
        e.plan().name() == null ? "(no name)" : e.plan().name(),
        e.plan().tasks().size(),
        e.plan().tasks().size() == 1 ? "" : "s");
    out.printf("  %-24s from %s%n", "plan.yaml", e.plan().origin());
    for (ExtractedTask task : e.plan().tasks()) {
      out.printf("  %-24s from %s%n", task.file(), task.origin());
    }
  }
}
