package dev.braid.activities.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link DeclaredFiles} reads from task files, real ones from Contextune and hand-written. */
class DeclaredFilesTest {

  private static final Path PARALLEL =
      PlanFiles.contextunePlans().resolve("decision-tracking-system/parallel-plan/tasks");

  private static DeclaredFiles real(String file) throws IOException {
    return DeclaredFiles.of(Files.readString(PARALLEL.resolve(file)));
  }

  private static DeclaredFiles of(String... lines) {
    return DeclaredFiles.of(String.join("\n", lines));
  }

  @Test
  void contextunesCreateListIsReadAndItsNoneConflictNamesNothing() throws IOException {
    assertEquals(new DeclaredFiles(true, List.of("decisions.yaml")), real("task-0.md"));
  }

  @Test
  void contextunesReadListIsLeftOutAndPotentialConflictsAddNothingNew() throws IOException {
    assertEquals(
        new DeclaredFiles(true, List.of("scripts/decision-sync.py", "decisions.yaml")),
        real("task-1.md"));
  }

  @Test
  void aWriteToLabelCountsAsTouching() throws IOException {
    assertEquals(
        new DeclaredFiles(true, List.of("hooks/session_end_extractor.py", "decisions.yaml")),
        real("task-3.md"));
  }

  @Test
  void aTaskThatOnlyReadsAFileDoesNotDeclareIt() throws IOException {
    assertEquals(
        new DeclaredFiles(
            true, List.of("scripts/decision-query.py", "hooks/selective_context_loader.js")),
        real("task-4.md"));
  }

  @Test
  void aTaskFileWithoutEitherSectionIsUnknown() {
    DeclaredFiles files = of("---", "id: a", "---", "# A", "", "Edit `src/a.ts`.", "- src/b.ts");

    assertFalse(files.declared());
    assertEquals(List.of(), files.paths());
  }

  @Test
  void headingsWithoutEmojiAtAnyLevelWithPlainPathsAndAnnotations() {
    DeclaredFiles files =
        of(
            "# Task",
            "### Files to touch",
            "Create:",
            "- src/a.ts (new)",
            "* ./src/b.ts — the parser",
            "1. src/**/*.test.ts",
            "#### Delete",
            "- old/c.js",
            "## Next section",
            "- src/not-this.ts");

    assertTrue(files.declared());
    assertEquals(List.of("src/a.ts", "src/b.ts", "src/**/*.test.ts", "old/c.js"), files.paths());
  }

  @Test
  void labelsInsideItemsAndReadHeadingsAreHonoured() {
    DeclaredFiles files =
        of(
            "## 📁 Files to Touch",
            "- **Modify:** `src/app.ts` (add the route)",
            "- Read: src/config.ts",
            "### Read",
            "- `src/types.ts`",
            "### Modify",
            "- [ ] `Makefile`",
            "## ⚠️ Potential Conflicts",
            "- `src/app.ts` - task-2 also edits `route()`",
            "- `~/.claude/history.jsonl`",
            "- `../other-repo/x.ts`",
            "None - read-only");

    assertEquals(List.of("src/app.ts", "Makefile"), files.paths());
  }

  @Test
  void pathsInFencedCodeAndCommentsThereAreNeverHeadings() {
    DeclaredFiles files =
        of(
            "## Files to Touch",
            "```bash",
            "# Potential Conflicts",
            "- src/in-code.ts",
            "```",
            "- `src/real.ts`",
            "## Notes",
            "```",
            "## Files to Touch",
            "- src/also-in-code.ts",
            "```");

    assertEquals(new DeclaredFiles(true, List.of("src/real.ts")), files);
  }

  @Test
  void aSectionThatSaysNoneIsDeclaredAndEmpty() {
    assertEquals(new DeclaredFiles(true, List.of()), of("## ⚠️ Potential Conflicts", "", "None"));
  }
}
