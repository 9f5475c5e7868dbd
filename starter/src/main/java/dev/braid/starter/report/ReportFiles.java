package dev.braid.starter.report;

import java.nio.file.Path;

/**
 * Where a run's report was written.
 *
 * @param json the JSON document, {@code .parallel/reports/<run>.json}
 * @param markdown the Markdown report, {@code .parallel/reports/<run>.md}
 */
public record ReportFiles(Path json, Path markdown) {}
