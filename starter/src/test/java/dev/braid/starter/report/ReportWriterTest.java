package dev.braid.starter.report;

import static dev.braid.starter.report.Runs.cost;
import static dev.braid.starter.report.Runs.merged;
import static dev.braid.starter.report.Runs.plan;
import static dev.braid.starter.report.Runs.ran;
import static dev.braid.starter.report.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void writesJsonAndMarkdownUnderParallelReports() throws Exception {
    ReportFiles files = ReportWriter.write(repo, report);

    Path dir = repo.resolve(".parallel/reports");
    assertEquals(dir.resolve("braid-demo-0123abcd.json"), files.json());
    assertEquals(dir.resolve("braid-demo-0123abcd.md"), files.markdown());
    assertEquals(ReportJson.of(report) + "\n", Files.readString(files.json()));
    String md = Files.readString(files.markdown());
    assertTrue(md.startsWith("# braid report: braid-demo-0123abcd\n"), md);
    assertTrue(md.contains("| speedup (sum / wall-clock) | 0.50x |"), md);
    assertTrue(md.contains("| critical path | 10.0s: a |"), md);
    assertTrue(md.contains("| cost | $0.2500 |"), md);
  }

  @Test
  void writingAgainGivesTheSameFilesAndLeavesNothingElse() throws Exception {
    ReportFiles first = ReportWriter.write(repo, report);
    String json = Files.readString(first.json());
    String md = Files.readString(first.markdown());

    ReportFiles second = ReportWriter.write(repo, report);

    assertEquals(first, second);
    assertEquals(json, Files.readString(second.json()));
    assertEquals(md, Files.readString(second.markdown()));
    try (Stream<Path> files = Files.list(repo.resolve(".parallel/reports"))) {
      assertEquals(
          List.of("braid-demo-0123abcd.json", "braid-demo-0123abcd.md"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary file is left");
    }
  }

  @Test
  void aNewerReportReplacesTheOlderOne() throws Exception {
    ReportFiles files = ReportWriter.write(repo, report);
    String before = Files.readString(files.json());

    RunReport later =
        RunReport.of(run(30, merged(true, ""), ran("a", 0, 10, cost(0.25, 1000, 200))), plan("a"));
    ReportWriter.write(repo, later);

    assertNotEquals(before, Files.readString(files.json()));
    assertEquals(ReportJson.of(later) + "\n", Files.readString(files.json()));
  }

  @Test
  void aRunIdIsMadeSafeAsAFileName() {
    assertEquals("a_b_.._c", ReportWriter.fileName("a/b/../c"));
    assertEquals("_hidden", ReportWriter.fileName(".hidden"));
  }
}
