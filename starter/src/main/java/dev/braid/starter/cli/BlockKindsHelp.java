package dev.braid.starter.cli;

import dev.braid.workflow.BlockKind;
import dev.braid.workflow.UnblockAction;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * The section of {@code braid unblock --help} that lists each kind of blocked task, the decisions
 * it allows (read from {@link BlockKind}, so the help cannot promise what the run refuses), and
 * what {@code --retry} does for it (as {@code TaskFlow.retry} does it).
 */
final class BlockKindsHelp implements IHelpSectionRenderer {
  static final String KEY = "blockKinds";

  /** Adds the section to the help of {@code unblock}, before its footer. */
  static void install(CommandLine unblock) {
    unblock.getHelpSectionMap().put(KEY, new BlockKindsHelp());
    java.util.List<String> keys = new java.util.ArrayList<>(unblock.getHelpSectionKeys());
    keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), KEY);
    unblock.setHelpSectionKeys(keys);
  }

  private static final Map<BlockKind, String> RETRY =
      Map.ofEntries(
          Map.entry(BlockKind.AGENT_TIERS_EXHAUSTED, "runs the agent tiers again"),
          Map.entry(BlockKind.SETUP_FAILED, "prepares the worktree and runs setup again"),
          Map.entry(BlockKind.WORKTREE_FAILED, "creates the worktree again"),
          Map.entry(BlockKind.MANUAL_CHECKS_FAILED, "runs the agent tiers again"),
          Map.entry(BlockKind.MERGE_CONFLICT, "merges the base again; the resolver gets it"),
          Map.entry(BlockKind.MERGE_CHECKS_FAILED, "merges the base again; the agents fix it"),
          Map.entry(
              BlockKind.INTEGRATE_FAILED,
              "offers the work to the merge again (with --guidance:" + " the agents first)"),
          Map.entry(BlockKind.PUSH_FAILED, "pushes the branch again"),
          Map.entry(
              BlockKind.PULL_REQUEST_FAILED,
              "opens the pull request again (with --guidance: the agents first)"),
          Map.entry(
              BlockKind.REVIEW_ROUNDS,
              "gives its agents github.maxRounds more rounds on the pull request"),
          Map.entry(BlockKind.TASK_FAILED, "starts the task's workflow again"),
          Map.entry(BlockKind.BUDGET, "runs the agent tiers again"),
          Map.entry(
              BlockKind.RUN_BUDGET, "starts the task again (--budget raises the run's budget)"));

  @Override
  public String render(Help help) {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder(nl);
    text.append(
        "Kinds of blocked task (braid status shows each task's), the decisions each allows,");
    text.append(nl).append("and what --retry does for it:").append(nl);
    for (BlockKind kind : BlockKind.values()) {
      if (kind.isWait()) {
        continue; // a wait ends by itself; nobody decides it
      }
      String decisions =
          kind.decisions().stream().map(UnblockAction::label).collect(Collectors.joining(", "));
      text.append(String.format("  %-22s %-17s %s", kind.label(), decisions, RETRY.get(kind)));
      text.append(nl);
    }
    text.append(
        "--skip gives the task up, and the tasks that depend on it. --done, where the task");
    text.append(nl).append("has a worktree, commits what you left in worktrees/TASK and runs the");
    text.append(" checks; if they fail,").append(nl).append("the task stays blocked with their");
    text.append(" output. A decision the kind does not allow is refused (exit 2).").append(nl);
    text.append("A task waiting out its agent's rate limit is not blocked: it goes on by itself.");
    text.append(nl);
    return text.toString();
  }
}
