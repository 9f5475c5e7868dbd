package dev.braid.starter.transcript;

import java.nio.file.Path;

/**
 * {@code braid plan extract}'s engine, also used by {@code braid execute} inside Claude Code: finds
 * the last plan of a transcript, takes it apart, validates it and writes it to {@code
 * .parallel/plans/}. Anything wrong stops it before a file is written.
 */
public final class PlanExtraction {
  private PlanExtraction() {}

  /**
   * Extracts the transcript's last plan into the repository.
   *
   * @param force whether a plan already in {@code .parallel/plans/} may be replaced (it is moved to
   *     {@code .parallel/archive/})
   * @throws ExtractionRefused when the transcript holds no plan, the plan cannot be taken apart or
   *     does not validate, or a plan is in the way
   */
  public static Extraction extract(Transcript transcript, Path repo, boolean force) {
    PlanMessage message =
        TranscriptScanner.lastPlan(transcript.file())
            .orElseThrow(
                () ->
                    new ExtractionRefused(
                        "no plan in "
                            + transcript.file()
                            + " ("
                            + transcript.how()
                            + "): no assistant message holds both the marker **Type:** Plan and a"
                            + " '## Plan Structure' heading. Make a plan in Claude Code first"
                            + " (Contextune's /ctx:plan writes one), or write"
                            + " .parallel/plans/plan.yaml and tasks/*.md yourself."));
    ExtractedPlan plan;
    try {
      plan = PlanMarkdown.parse(message.text());
    } catch (PlanNotExtracted e) {
      StringBuilder text =
          new StringBuilder("the plan in ")
              .append(message.transcript())
              .append(", line ")
              .append(message.line())
              .append(" (an assistant message), cannot be extracted; nothing was written:");
      e.problems().forEach(p -> text.append("\n  ").append(p));
      throw new ExtractionRefused(text.toString());
    }
    Path planDir = repo.resolve(PlanInstaller.PLAN_DIR);
    Path replaced = PlanInstaller.install(planDir, repo, plan, message, force);
    return new Extraction(transcript, message, plan, planDir, replaced);
  }
}
