package dev.braid.starter.cli;

import dev.braid.starter.run.PlanLocation;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.transcript.Extraction;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds {@code execute}'s plan the way Contextune's {@code /ctx:execute} does: a plan on disk
 * ({@code .parallel/plans/}, then {@code .parallel/plans/active/}); else, when braid runs inside
 * Claude Code or is asked to with {@code --from-transcript}, the plan made in the session, taken
 * from its transcript and written to {@code .parallel/plans/}; else a message saying how to make
 * one.
 */
final class ExecutePlan {
  /** {@code execute}'s option naming the transcript; {@code plan extract}'s is another. */
  static final String TRANSCRIPT_OPTION = "--from-transcript";

  private ExecutePlan() {}

  /**
   * The workspace to run.
   *
   * @param fromTranscript null when not asked for; empty for the current session's transcript; else
   *     the transcript named
   * @param err where to say that the plan came from a transcript: stdout may be one JSON document
   */
  static Workspace resolve(
      WorkspaceOptions options, String fromTranscript, Map<String, String> env, PrintWriter err) {
    if (options.plan != null) {
      return options.resolve();
    }
    Path repo = Workspace.resolveRepo(options.repo);
    if (PlanLocation.find(repo).isPresent()) {
      if (fromTranscript != null) {
        err.println(
            "braid: running the plan on disk, "
                + PlanLocation.find(repo).get()
                + "; --from-transcript is for when there is none (to replace it: braid plan"
                + " extract --force)");
      }
      return options.resolve();
    }
    if (fromTranscript == null && !TranscriptPlans.insideClaudeCode(env)) {
      if (Files.isDirectory(repo.resolve(PlanLocation.DEFAULTS.get(0)))) {
        // A plan directory in the making: its validation says what it lacks.
        return options.resolve();
      }
      throw new UsageError(
          "no plan at "
              + repo.resolve(PlanLocation.DEFAULTS.get(0))
              + " or "
              + repo.resolve(PlanLocation.DEFAULTS.get(1))
              + ". Make one: in Claude Code, have the model write a plan (Contextune's /ctx:plan"
              + " does), then type /braid:execute there (set it up with: braid init claude), or"
              + " run braid execute --from-transcript; or write .parallel/plans/plan.yaml and"
              + " tasks/*.md yourself (see README.md, \"The plan\").");
    }
    Path transcript =
        fromTranscript == null || fromTranscript.isEmpty() ? null : Path.of(fromTranscript);
    Extraction extraction =
        TranscriptPlans.extract(repo, transcript, TRANSCRIPT_OPTION, false, env);
    err.println("braid: no plan on disk; taking the one made in the Claude Code session.");
    TranscriptPlans.print(extraction, err);
    err.flush();
    return options.resolve();
  }
}
