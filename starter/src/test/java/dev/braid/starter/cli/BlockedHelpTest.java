package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.Usage;
import dev.braid.workflow.BlockKind;
import dev.braid.workflow.Blocker;
import dev.braid.workflow.RunPhase;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskPhase;
import dev.braid.workflow.TaskStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The help printed for blocked tasks offers exactly the decisions each blocker allows. */
class BlockedHelpTest {
  private static final Path REPO = Path.of("/repo");

  @Test
  void aTaskWhoseWorktreeCouldNotBeMadeIsOfferedRetryAndSkipButNotDone() {
    String out =
        print(
            RunPhase.BLOCKED,
            blocked("wt", BlockKind.WORKTREE_FAILED, "prepare: worktrees/wt is occupied"));

    assertTrue(out.contains("  wt [worktree-failed]: prepare: worktrees/wt is occupied"), out);
    assertTrue(out.contains("braid unblock braid-demo wt --retry"), out);
    assertTrue(out.contains("braid unblock braid-demo wt --skip"), out);
    assertFalse(out.contains("--done"), out);
    assertFalse(out.contains("worktree: "), "there is no worktree to fix by hand: " + out);
  }

  @Test
  void aTaskBlockedInItsSetupIsOfferedAllThreeDecisions() {
    String out = print(RunPhase.BLOCKED, blocked("s", BlockKind.SETUP_FAILED, "setup: exit 1"));

    assertTrue(out.contains("The run waits on a human: 1 blocked task."), out);
    assertTrue(out.contains("  s [setup-failed]: setup: exit 1"), out);
    assertTrue(out.contains("worktree: /repo/worktrees/s"), out);
    for (String flag : List.of("--retry", "--done", "--skip")) {
      assertTrue(out.contains("braid unblock braid-demo s " + flag), flag + " in " + out);
    }
  }

  @Test
  void aBlockedTaskInARunThatGoesOnIsShownWithItsCommands() {
    String out = print(RunPhase.RUNNING, blocked("s", BlockKind.SETUP_FAILED, "setup: exit 1"));

    assertTrue(
        out.contains("1 blocked task wait for a decision; the rest of the run goes on"), out);
    assertTrue(out.contains("braid unblock braid-demo s --retry"), out);
  }

  @Test
  void aTaskStoppedByABudgetIsOfferedTheRetryThatRaisesIt() {
    String out =
        print(RunPhase.BLOCKED, blocked("t", BlockKind.BUDGET, "budget: spent $0.50 of $0.40"));

    assertTrue(out.contains("braid unblock braid-demo t --retry --budget DOLLARS"), out);
    assertFalse(out.contains("--guidance"), out);
  }

  @Test
  void anEndedRunOffersNoDecision() {
    assertEquals("", print(RunPhase.FAILED, blocked("s", BlockKind.SETUP_FAILED, "setup: exit 1")));
  }

  private static String print(RunPhase phase, TaskStatus task) {
    StringWriter text = new StringWriter();
    BlockedHelp.print(
        new RunStatus("braid-demo", "demo", phase, List.of(task), null, 0, 0, null),
        REPO,
        new PrintWriter(text, true));
    return text.toString();
  }

  private static TaskStatus blocked(String id, BlockKind kind, String reason) {
    return new TaskStatus(
        id,
        id,
        TaskPhase.BLOCKED,
        1,
        "fast",
        "feature/" + id,
        null,
        reason,
        1,
        2,
        List.of("fast"),
        Usage.unknown(),
        null,
        new Blocker(kind, reason, "/repo/.parallel/logs/braid-demo/" + id, null));
  }
}
