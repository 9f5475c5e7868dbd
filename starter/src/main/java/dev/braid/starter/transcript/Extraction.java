package dev.braid.starter.transcript;

import java.nio.file.Path;

/**
 * A plan extracted from a transcript and written.
 *
 * @param transcript the transcript it came from
 * @param message the message that held it
 * @param plan what was written
 * @param planDir the plan directory it was written to
 * @param replacedTo where the plan it replaced was moved (with {@code --force}), or null
 */
public record Extraction(
    Transcript transcript,
    PlanMessage message,
    ExtractedPlan plan,
    Path planDir,
    Path replacedTo) {}
