package dev.braid.starter.report;

import static dev.braid.starter.report.Runs.cost;
import static dev.braid.starter.report.Runs.merged;
import static dev.braid.starter.report.Runs.plan;
import static dev.braid.starter.report.Runs.ran;
import static dev.braid.starter.report.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.workflow.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report files: where they go, what they hold, and that writing again is harmless. */
class ReportWriterTest {
  @TempDir Path repo;

  private final RunReport report =
      RunReport.of(run(20, merged(true, ""), ran("a", 0, 10, cost(0.25, 1000, 200))), plan("a"));

  @Test
  void writesJsonAndMarkdownUnderTheRunAndItsTemporalRun() throws Exception {
    ReportFiles files = ReportWriter.write(repo, report, "run-1");

    Path dir = repo.resolve(".parallel/reports/braid-demo-0123abcd");
    assertEquals(dir.resolve("run-1.json"), files.json());
    assertEquals(dir.resolve("run-1.md"), files.markdown());
    assertEquals(ReportJson.of(report, "run-1") + "\n", Files.readString(files.json()));
    String md = Files.readString(files.markdown());
    assertTrue(md.startsWith("# braid report: braid-demo-0123abcd\n\nTemporal run `run-1`"), md);
    assertTrue(md.contains("| speedup (sum / wall-clock) | 0.50x |"), md);
    assertTrue(md.contains("| critical path | 10.0s: a |"), md);
    assertTrue(md.contains("| cost | $0.2500 |"), md);
    assertEquals(md, Files.readString(dir.resolve("latest.md")));
    assertEquals(Files.readString(files.json()), Files.readString(dir.resolve("latest.json")));
  }

  @Test
  void writingAgainGivesTheSameFilesAndLeavesNothingElse() throws Exception {
    ReportFiles first = ReportWriter.write(repo, report, "run-1");
    String json = Files.readString(first.json());
    String md = Files.readString(first.markdown());

    ReportFiles second = ReportWriter.write(repo, report, "run-1");

    assertEquals(first, second);
    assertEquals(json, Files.readString(second.json()));
    assertEquals(md, Files.readString(second.markdown()));
    try (Stream<Path> files = Files.list(first.json().getParent())) {
      assertEquals(
          List.of("latest.json", "latest.md", "run-1.json", "run-1.md"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary file is left");
    }
  }

  @Test
  void aLaterRunGetsFilesOfItsOwnAndBecomesTheLatest() throws Exception {
    ReportFiles firstFiles = ReportWriter.write(repo, report, "run-1");
    String first = Files.readString(firstFiles.json());

    RunReport later =
        RunReport.of(run(30, merged(true, ""), ran("a", 0, 10, cost(0.25, 1000, 200))), plan("a"));
    ReportFiles laterFiles = ReportWriter.write(repo, later, "run-2");

    assertEquals(first, Files.readString(firstFiles.json()), "the first run's report is kept");
    assertNotEquals(firstFiles.json(), laterFiles.json());
    Path latest = laterFiles.json().resolveSibling("latest.json");
    assertEquals(Files.readString(laterFiles.json()), Files.readString(latest));
    assertTrue(Files.isSymbolicLink(latest), "a symbolic link where the file system has them");
    assertEquals(Path.of("run-2.json"), Files.readSymbolicLink(latest));
  }

  @Test
  void theReportOfAnOlderRunWrittenAgainDoesNotBecomeTheLatest() throws Exception {
    RunStatus base = run(20, merged(true, ""), ran("a", 0, 10, cost(0.25, 1000, 200)));
    RunStatus earlier =
        new RunStatus(
            base.runId(),
            base.planName(),
            base.phase(),
            base.tasks(),
            base.merge(),
            base.startedAtMillis() - 60_000,
            base.finishedAtMillis() - 60_000,
            base.message());
    RunReport older = RunReport.of(earlier, plan("a"));
    ReportFiles newer = ReportWriter.write(repo, report, "run-2");

    ReportWriter.write(repo, older, "run-1");

    Path latest = newer.json().resolveSibling("latest.json");
    assertEquals(Files.readString(newer.json()), Files.readString(latest));
  }

  @Test
  void aRunIdIsMadeSafeAsAFileName() {
    assertEquals("a_b_.._c", ReportWriter.fileName("a/b/../c"));
    assertEquals("_hidden", ReportWriter.fileName(".hidden"));
  }
}
