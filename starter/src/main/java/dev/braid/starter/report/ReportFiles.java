package dev.braid.starter.report;

import java.nio.file.Path;

/**
 * Where a run's report was written.
 *
 * @param json the JSON document, {@code .parallel/reports/<run>/<temporal run id>.json}
 * @param markdown the Markdown report, {@code .parallel/reports/<run>/<temporal run id>.md}
 */
public record ReportFiles(Path json, Path markdown) {}
