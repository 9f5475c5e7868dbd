package dev.braid.starter.transcript;

import java.nio.file.Path;

/**
 * A Claude Code session transcript braid reads a plan from.
 *
 * @param file the {@code .jsonl} file, absolute
 * @param how how it was chosen, for the user: "named with --transcript" (or the flag of the command
 *     run), "the current session's"
 */
public record Transcript(Path file, String how) {}
