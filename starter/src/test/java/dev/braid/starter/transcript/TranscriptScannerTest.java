package dev.braid.starter.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which message of a transcript is the plan. */
class TranscriptScannerTest {
  @TempDir Path tmp;

  @Test
  void theLastOfTwoPlansWins() throws Exception {
    TranscriptFile t =
        new TranscriptFile()
            .user("plan the feature")
            .assistant(PlanTexts.twoTasks("First draft"))
            .user("rename it")
            .assistant("Sure, here it is again.", PlanTexts.twoTasks("Second draft"));
    int second = t.lastLine();
    PlanMessage plan =
        TranscriptScanner.lastPlan(t.torn("{\"type\":\"assis").writeTo(tmp.resolve("s.jsonl")))
            .orElseThrow();

    assertEquals(second, plan.line());
    assertEquals(2, plan.plansSeen());
    assertTrue(
        plan.text().startsWith("Sure, here it is again.\n# Implementation Plan: Second draft"));
  }

  @Test
  void aMessageShowingTheFormatInACodeBlockIsNoPlan() throws Exception {
    TranscriptFile t = new TranscriptFile().assistant(PlanTexts.twoTasks("The real one"));
    int plan = t.lastLine();
    t.user("what format was that?")
        .assistant("It is this:\n\n```markdown\n**Type:** Plan\n\n## Plan Structure\n```\n");
    PlanMessage found = TranscriptScanner.lastPlan(t.writeTo(tmp.resolve("s.jsonl"))).orElseThrow();
    assertEquals(plan, found.line());
  }

  @Test
  void aPlanStructureHeadingInAnyCaseIsFound() throws Exception {
    // The heading is matched case-insensitively; the quick look at the raw line must be too.
    String lowerCase =
        PlanTexts.twoTasks("Lower case").replace("## Plan Structure", "## plan STRUCTURE");
    Path file = new TranscriptFile().assistant(lowerCase).writeTo(tmp.resolve("s.jsonl"));
    assertTrue(TranscriptScanner.lastPlan(file).orElseThrow().text().contains("Lower case"));
  }

  @Test
  void aPlainStringContentIsReadToo() throws Exception {
    Path file =
        new TranscriptFile()
            .assistantString(PlanTexts.twoTasks("Old format"))
            .writeTo(tmp.resolve("s.jsonl"));
    assertTrue(TranscriptScanner.lastPlan(file).orElseThrow().text().contains("Old format"));
  }

  @Test
  void userMessagesSubagentsAndToolOutputAreNoPlans() throws Exception {
    Path file =
        new TranscriptFile()
            .user(PlanTexts.twoTasks("Pasted by the user"))
            .sidechain(PlanTexts.twoTasks("A subagent's"))
            .bash("cat plan.md", PlanTexts.twoTasks("Printed by a command"))
            .assistant("A plan needs **Type:** Plan and a Plan Structure section.")
            .writeTo(tmp.resolve("s.jsonl"));
    assertEquals(Optional.empty(), TranscriptScanner.lastPlan(file));
  }
}
