package dev.braid.workflow;

import dev.braid.config.AgentTier;
import dev.braid.config.BraidConfig;
import dev.braid.config.BudgetSettings;
import dev.braid.config.GitHubSettings;
import dev.braid.config.MergeMode;
import dev.braid.config.MergeSettings;
import dev.braid.config.OnRetry;
import dev.braid.config.OverlapPolicy;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.plan.Priority;
import dev.braid.plan.TaskState;
import java.util.Arrays;
import java.util.List;

/** Small plans and configs for workflow tests. */
final class Plans {
  private Plans() {}

  static PlanTask task(String id, Priority priority, String... deps) {
    return new PlanTask(
        id,
        "Task " + id,
        "tasks/" + id + ".md",
        priority,
        Arrays.asList(deps),
        TaskState.PENDING,
        List.of());
  }

  static PlanTask completed(String id, String... deps) {
    return new PlanTask(
        id,
        "Task " + id,
        "tasks/" + id + ".md",
        Priority.MEDIUM,
        Arrays.asList(deps),
        TaskState.COMPLETED,
        List.of());
  }

  static Plan plan(PlanTask... tasks) {
    return new Plan("test plan", "/repo/.parallel/plans", List.of(tasks));
  }

  /** A config whose hosts are taken as lost after this many seconds without a worker. */
  static BraidConfig hostWait(BraidConfig c, long seconds) {
    return copy(c, c.resolver(), c.merge(), seconds, c.budget());
  }

  /** A config with these budgets, in US dollars (null: none). */
  static BraidConfig budget(BraidConfig c, Double perTask, Double perRun) {
    return copy(
        c, c.resolver(), c.merge(), c.hostWaitSeconds(), new BudgetSettings(perTask, perRun));
  }

  static BraidConfig withoutResolver(BraidConfig c) {
    return copy(c, null, c.merge(), c.hostWaitSeconds(), c.budget());
  }

  static BraidConfig mergeMode(BraidConfig c, MergeMode mode) {
    MergeSettings m = c.merge();
    return copy(c, c.resolver(), m.withMode(mode), c.hostWaitSeconds(), c.budget());
  }

  /** A config that checks at most this many merge steps at once. */
  static BraidConfig checksAtOnce(BraidConfig c, int steps) {
    MergeSettings m = c.merge();
    MergeSettings merge =
        new MergeSettings(
            m.mode(), m.target(), m.remote(), m.repository(), m.apiUrl(), m.batch(), steps);
    return copy(c, c.resolver(), merge, c.hostWaitSeconds(), c.budget());
  }

  /** A config whose merge queue merges at most this many tasks a step. */
  static BraidConfig batch(BraidConfig c, int batch) {
    MergeSettings m = c.merge();
    return copy(
        c,
        c.resolver(),
        new MergeSettings(m.mode(), m.target(), m.remote(), m.repository(), m.apiUrl(), batch),
        c.hostWaitSeconds(),
        c.budget());
  }

  static BraidConfig withCleanup(BraidConfig c) {
    return copy(c, c.resolver(), c.merge(), c.hostWaitSeconds(), c.budget(), true);
  }

  private static BraidConfig copy(
      BraidConfig c,
      AgentTier resolver,
      MergeSettings merge,
      long hostWait,
      BudgetSettings budget) {
    return copy(c, resolver, merge, hostWait, budget, c.cleanup());
  }

  private static BraidConfig copy(
      BraidConfig c,
      AgentTier resolver,
      MergeSettings merge,
      long hostWait,
      BudgetSettings budget,
      boolean cleanup) {
    return copy(c, resolver, merge, hostWait, budget, cleanup, c.overlap(), c.github());
  }

  private static BraidConfig copy(
      BraidConfig c,
      AgentTier resolver,
      MergeSettings merge,
      long hostWait,
      BudgetSettings budget,
      boolean cleanup,
      OverlapPolicy overlap,
      GitHubSettings github) {
    return new BraidConfig(
        c.tiers(),
        c.setup(),
        c.checks(),
        c.maxParallel(),
        merge,
        c.onRetry(),
        c.notifyCommand(),
        resolver,
        cleanup,
        hostWait,
        c.copyFiles(),
        c.rateLimit(),
        budget,
        overlap,
        github);
  }

  /** A config in merge mode pr with an issue per task. */
  static BraidConfig withIssues(BraidConfig c) {
    BraidConfig pr = mergeMode(c, MergeMode.PR);
    return copy(
        pr,
        pr.resolver(),
        pr.merge(),
        pr.hostWaitSeconds(),
        pr.budget(),
        pr.cleanup(),
        pr.overlap(),
        new GitHubSettings(true));
  }

  /** A config in merge mode pr whose tasks watch their pull requests, with issues. */
  static BraidConfig watching(BraidConfig c, int maxRounds) {
    return watching(c, maxRounds, 30);
  }

  /** The same, looking at pull requests first after this many seconds. */
  static BraidConfig watching(BraidConfig c, int maxRounds, long pollSeconds) {
    BraidConfig pr = mergeMode(c, MergeMode.PR);
    return copy(
        pr,
        pr.resolver(),
        pr.merge(),
        pr.hostWaitSeconds(),
        pr.budget(),
        pr.cleanup(),
        pr.overlap(),
        new GitHubSettings(true, true, maxRounds, pollSeconds));
  }

  /** A config with this overlap policy. */
  static BraidConfig overlap(BraidConfig c, OverlapPolicy policy) {
    return copy(
        c,
        c.resolver(),
        c.merge(),
        c.hostWaitSeconds(),
        c.budget(),
        c.cleanup(),
        policy,
        c.github());
  }

  static BraidConfig config(int maxParallel) {
    return new BraidConfig(
        List.of(
            new AgentTier("fast", List.of("agent", "--fast"), 2, 60, 1),
            new AgentTier("strong", List.of("agent", "--strong"), 1, 60, 1)),
        List.of(),
        List.of(List.of("make", "test")),
        maxParallel,
        new MergeSettings(MergeMode.DIRECT, "main", "origin"),
        OnRetry.KEEP,
        List.of("notify-me"),
        new AgentTier("resolver", List.of("agent", "--resolve"), 1, 60, 1),
        false);
  }
}
