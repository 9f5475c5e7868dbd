package dev.braid.workflow;

import dev.braid.activity.AgentActivities;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.CleanupActivities;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.CleanupResult;
import dev.braid.activity.GitActivities;
import dev.braid.activity.IntegrationStart;
import dev.braid.activity.ManualWorkRequest;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.activity.NotifyActivities;
import dev.braid.activity.NotifyRequest;
import dev.braid.activity.PlanActivities;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.PublishBranchRequest;
import dev.braid.activity.PullRequestActivities;
import dev.braid.activity.PullRequestFailure;
import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestResult;
import dev.braid.activity.PushRequest;
import dev.braid.activity.SpeculationResult;
import dev.braid.activity.SyncRequest;
import dev.braid.activity.SyncResult;
import dev.braid.activity.UnmergedRequest;
import dev.braid.activity.Usage;
import dev.braid.activity.WorktreeActivities;
import dev.braid.plan.FileOverlap;
import dev.braid.plan.Plan;
import dev.braid.plan.TaskState;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activity fakes that record what the workflows asked of them, on which task queue, and in which
 * order. They stand for one host each, so tests can check that a task's work stays on its host.
 */
final class Fakes {
  volatile Plan plan;
  final String host;
  final List<String> events;
  final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
  final Set<String> alwaysFail = ConcurrentHashMap.newKeySet();
  final Map<String, TaskState> statuses = new ConcurrentHashMap<>();
  final List<MergeRequest> merges = new CopyOnWriteArrayList<>();
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger maxRunning = new AtomicInteger();
  volatile long agentMillis = 0;

  /** How long one task's agent works, over {@link #agentMillis}. */
  final Map<String, Long> agentMillisByTask = new ConcurrentHashMap<>();

  /**
   * How long a merge step that holds one of {@link #slowMerges} takes, so that the tasks finishing
   * meanwhile wait together.
   */
  volatile long integrateMillis = 0;

  final Set<String> slowMerges = ConcurrentHashMap.newKeySet();

  Fakes(Plan plan, String host, List<String> events) {
    this.plan = plan;
    this.host = host;
    this.events = events;
  }

  Fakes(Plan plan) {
    this(plan, "braid@test-host", new CopyOnWriteArrayList<>());
  }

  final Set<String> needGuidance = ConcurrentHashMap.newKeySet();

  /** What each attempt of a task costs, as its agent reports it. */
  final Map<String, Double> costPerAttempt = new ConcurrentHashMap<>();

  /** What each task's attempts cost so far. */
  final Map<String, Double> spentUsd = new ConcurrentHashMap<>();

  /** Tasks whose agent meets its provider's rate limit, and how many more times. */
  final Map<String, Integer> rateLimitsLeft = new ConcurrentHashMap<>();

  /**
   * When a task's rate limit ends, as its agent says (epoch ms); absent: the agent does not say.
   */
  final Map<String, Long> rateLimitResets = new ConcurrentHashMap<>();

  /** Tasks whose agent fails whenever it is given feedback or guidance: it cannot fix a merge. */
  final Set<String> failWithFeedback = ConcurrentHashMap.newKeySet();

  final Map<String, String> guidanceSeen = new ConcurrentHashMap<>();

  /** Every attempt's request, in the order the attempts started. */
  final List<AttemptRequest> attempts = new CopyOnWriteArrayList<>();

  final Set<String> manualChecksPass = ConcurrentHashMap.newKeySet();
  final List<String> notified = new CopyOnWriteArrayList<>();

  Object[] all() {
    return new Object[] {
      new Plans(),
      new Worktrees(),
      new Agents(),
      new Git(),
      new Notifier(),
      new GitHub(),
      gitHubFlow,
      new Cleaner()
    };
  }

  private String queue() {
    return Activity.getExecutionContext().getInfo().getActivityTaskQueue();
  }

  final class Plans implements PlanActivities {
    @Override
    public Plan loadPlan(String planDir) {
      planLoads.incrementAndGet();
      return plan;
    }

    @Override
    public List<FileOverlap> declaredOverlaps(String planDir) {
      overlapReads.incrementAndGet();
      return overlaps;
    }

    @Override
    public void setTaskStatus(String planDir, String taskFile, TaskState state) {
      String id = taskFile.replace("tasks/", "").replace(".md", "");
      if (unwritableFiles.contains(id)) {
        events.add("status " + id + " refused");
        throw ApplicationFailure.newNonRetryableFailure(
            taskFile + ": no such file", AttemptFailure.PLAN_INVALID);
      }
      statuses.put(id, state);
      events.add("status " + id + " " + state.yamlName() + " on " + queue());
    }
  }

  /** What the task files declare in common, as the plan activity would read it. */
  volatile List<FileOverlap> overlaps = List.of();

  /** The branch each task's worktree was last prepared from. */
  final Map<String, String> preparedFrom = new ConcurrentHashMap<>();

  /** How many times a run read its plan from disk. */
  final AtomicInteger planLoads = new AtomicInteger();

  /** How many times a run read the overlaps. */
  final java.util.concurrent.atomic.AtomicInteger overlapReads =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Tasks whose file cannot be written, as when a human deleted it. */
  final Set<String> unwritableFiles = ConcurrentHashMap.newKeySet();

  /** Tasks whose setup fails, and how many more times. */
  final Map<String, Integer> setupFailuresLeft = new ConcurrentHashMap<>();

  /** Tasks whose worktree cannot be created while listed. */
  final Set<String> worktreeInTheWay = ConcurrentHashMap.newKeySet();

  /** Tasks whose next prepare names this queue, which may have no worker: a host that vanishes. */
  final Map<String, String> preparedOnQueue = new ConcurrentHashMap<>();

  final class Worktrees implements WorktreeActivities {
    @Override
    public PreparedWorktree prepare(PrepareRequest request) {
      events.add("prepare " + request.taskId() + " on " + host);
      preparedFrom.put(request.taskId(), request.baseBranch());
      bases.put(request.taskId(), request.baseBranch());
      String queue = preparedOnQueue.remove(request.taskId());
      PreparedWorktree prepared =
          new PreparedWorktree(
              queue == null ? host : queue,
              "/repo/worktrees/" + request.taskId(),
              "feature/" + request.taskId(),
              "base-" + request.taskId());
      if (worktreeInTheWay.contains(request.taskId())) {
        throw ApplicationFailure.newNonRetryableFailure(
            "/repo/worktrees/" + request.taskId() + " exists and is not a worktree",
            AttemptFailure.WORKTREE_FAILED);
      }
      if (takeOne(setupFailuresLeft, request.taskId())) {
        events.add("setup failed " + request.taskId());
        throw ApplicationFailure.newNonRetryableFailure(
            "Setup of task " + request.taskId() + " failed: npm ci exited 1\nnpm ERR! missing",
            AttemptFailure.SETUP_FAILED,
            prepared);
      }
      return prepared;
    }
  }

  final class Agents implements AgentActivities {
    @Override
    public AttemptResult attempt(AttemptRequest request) {
      int attempt =
          request.attemptsBefore() + Activity.getExecutionContext().getInfo().getAttempt();
      attempts.add(request);
      events.add("start " + request.taskId() + " " + request.tier().name() + " on " + queue());
      if (request.guidance() != null) {
        events.add(
            "guidance "
                + request.taskId()
                + ": "
                + request.guidance().lines().findFirst().orElse(""));
      }
      int now = running.incrementAndGet();
      maxRunning.accumulateAndGet(now, Math::max);
      try {
        long millis = agentMillisByTask.getOrDefault(request.taskId(), agentMillis);
        if (millis > 0) {
          Thread.sleep(millis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      if (request.guidance() != null) {
        guidanceSeen.put(request.taskId(), request.guidance());
        if (request.guidance().contains("made the checks fail")) {
          breaksChecks.remove(BraidNames.taskBranch(request.taskId()));
        }
      }
      if (needGuidance.contains(request.taskId()) && request.guidance() == null) {
        events.add("fail " + request.taskId());
        throw ApplicationFailure.newFailure(
            "needs a human's guidance", AttemptFailure.AGENT_FAILED);
      }
      Double spent = spentUsd.get(request.taskId());
      if (request.budgetUsd() != null && spent != null && spent >= request.budgetUsd()) {
        events.add("budget spent " + request.taskId());
        throw ApplicationFailure.newNonRetryableFailure(
            String.format(
                java.util.Locale.ROOT, "budget: spent $%.2f of $%.2f", spent, request.budgetUsd()),
            AttemptFailure.BUDGET_SPENT,
            spent,
            request.budgetUsd());
      }
      Double cost = costPerAttempt.get(request.taskId());
      if (cost != null) {
        spentUsd.merge(request.taskId(), cost, Double::sum);
      }
      if (takeOne(rateLimitsLeft, request.taskId())) {
        events.add("rate limited " + request.taskId() + " at attempt " + attempt);
        throw ApplicationFailure.newFailure(
            "the agent hit a rate or usage limit",
            AttemptFailure.AGENT_RATE_LIMITED,
            // Claude Code names its session even in an error's result.
            new Usage(
                null, null, null, null, "session-" + request.taskId() + "-" + attempts.size()),
            rateLimitResets.get(request.taskId()),
            attempt);
      }
      if (alwaysFail.contains(request.taskId())
          || (failWithFeedback.contains(request.taskId()) && request.guidance() != null)) {
        events.add("fail " + request.taskId());
        // As the real activity: this attempt's usage, then the task's spend so far.
        Double sofar = spentUsd.get(request.taskId());
        throw ApplicationFailure.newFailure(
            "checks failed",
            AttemptFailure.CHECKS_FAILED,
            new Usage(cost, null, null, null, null),
            new Usage(sofar, null, null, null, null));
      }
      Integer left = failuresLeft.computeIfPresent(request.taskId(), (k, v) -> v - 1);
      if (left != null && left >= 0) {
        events.add("fail " + request.taskId());
        throw ApplicationFailure.newFailure(
            "agent exited with status 1", AttemptFailure.AGENT_FAILED);
      }
      events.add("done " + request.taskId());
      Double total = spentUsd.get(request.taskId());
      Usage usage = total == null ? Usage.unknown() : new Usage(total, 10L, 10L, 1, null);
      return new AttemptResult(attempt, "commit-" + request.taskId(), usage, "log");
    }

    @Override
    public AttemptResult acceptManualWork(ManualWorkRequest request) {
      events.add("manual " + request.taskId());
      if (!manualChecksPass.contains(request.taskId())) {
        throw ApplicationFailure.newNonRetryableFailure(
            "check make test failed: 1 test failed", AttemptFailure.CHECKS_FAILED);
      }
      return new AttemptResult(0, "manual-" + request.taskId(), Usage.unknown(), "log");
    }
  }

  final List<PullRequestRequest> pullRequests = new CopyOnWriteArrayList<>();
  final Set<String> rejectedPullRequests = ConcurrentHashMap.newKeySet();
  final Map<String, String> publishedBranches = new ConcurrentHashMap<>();

  final class GitHub implements PullRequestActivities {
    @Override
    public PullRequestResult openOrUpdate(PullRequestRequest request) {
      if (rejectedPullRequests.contains(request.branch())) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Validation Failed: No commits between base and head", PullRequestFailure.REJECTED);
      }
      pullRequests.add(request);
      events.add("pull request " + request.branch() + " onto " + request.base());
      return new PullRequestResult(
          pullRequests.size(), "https://github.test/o/r/pull/" + pullRequests.size(), true);
    }
  }

  final List<CleanupRequest> cleanups = new CopyOnWriteArrayList<>();

  /** Issues, comments and the pull requests that close issues. */
  final FakeGitHubFlow gitHubFlow = new FakeGitHubFlow();

  final class Cleaner implements CleanupActivities {
    @Override
    public CleanupResult cleanup(CleanupRequest request) {
      cleanups.add(request);
      events.add("cleanup archive=" + request.archive());
      return new CleanupResult(
          List.of("worktrees/done"),
          List.of("feature/done"),
          List.of("feature/stuck: has 1 unmerged commit"),
          request.archive() ? "/repo/.parallel/archive/plans-" + request.date() : null);
    }
  }

  final class Notifier implements NotifyActivities {
    @Override
    public boolean notifyBlocked(NotifyRequest request) {
      notified.add(request.taskId() + ": " + request.reason());
      return true;
    }
  }

  /** Branches whose next merge into the integration branch conflicts, and how often. */
  final Map<String, Integer> conflictsLeft = new ConcurrentHashMap<>();

  /** Branches whose next merge makes the checks fail, and how often. */
  final Map<String, Integer> brokenMergesLeft = new ConcurrentHashMap<>();

  /**
   * Branches that make the checks fail whenever a merge step holds them, until their agent is told
   * so (a round whose feedback says the checks failed): a task that breaks the merged code.
   */
  final Set<String> breaksChecks = ConcurrentHashMap.newKeySet();

  /** Tasks whose sync with the integration branch conflicts, so the resolver runs. */
  final Set<String> syncConflicts = ConcurrentHashMap.newKeySet();

  final List<MergeRequest> integrations = new CopyOnWriteArrayList<>();

  /** The merge steps checked ahead, as asked. */
  final List<MergeRequest> speculations = new CopyOnWriteArrayList<>();

  /** The branches merge steps checked ahead of passing merged, one entry a step. */
  final List<String> passedAhead = new CopyOnWriteArrayList<>();

  /** The branches on the integration branch, in merge order: what a tree is, here. */
  final List<String> onIntegration = new CopyOnWriteArrayList<>();

  /** How long a check ahead takes. */
  volatile long speculateMillis;

  final Map<String, String> bases = new ConcurrentHashMap<>();

  /** Counts one down; true while there was one left. */
  private static boolean takeOne(Map<String, Integer> counts, String key) {
    Integer left = counts.computeIfPresent(key, (k, v) -> v - 1);
    return left != null && left >= 0;
  }

  /** Branches that hold work the target lacks, for a run after a failed one. */
  final Set<String> notOnTarget = ConcurrentHashMap.newKeySet();

  /** Branches whose next merge step fails outright, and how often. */
  final Map<String, Integer> integrateFailuresLeft = new ConcurrentHashMap<>();

  /** Whether the final merge's checks fail. */
  volatile boolean finalChecksFail;

  /** Task branches whose next push is rejected by the remote, and how often. */
  final Map<String, Integer> pushRejectionsLeft = new ConcurrentHashMap<>();

  final class Git implements GitActivities {
    @Override
    public boolean push(PushRequest request) {
      if (takeOne(pushRejectionsLeft, request.branch())) {
        events.add("push rejected " + request.branch());
        throw ApplicationFailure.newNonRetryableFailure(
            "! [rejected] "
                + request.branch()
                + " -> "
                + request.branch()
                + " (fetch first): the remote has work that you do not have",
            "PushRejected");
      }
      events.add("push " + request.branch() + " on " + queue());
      return true;
    }

    @Override
    public String startIntegration(IntegrationStart request) {
      events.add("start integration");
      return BraidNames.integrationBranch(request.runId());
    }

    @Override
    public MergeResult integrate(MergeRequest request) {
      integrations.add(request);
      if (request.branches().stream().anyMatch(slowMerges::contains)) {
        try {
          Thread.sleep(integrateMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      String all = String.join(" ", request.branches());
      if (request.branches().stream().anyMatch(b -> takeOne(integrateFailuresLeft, b))) {
        events.add("integrate failed " + all);
        throw ApplicationFailure.newNonRetryableFailure(
            "setup failed in the integration worktree", "SetupFailed");
      }
      List<String> merged = new ArrayList<>();
      List<String> conflicted = new ArrayList<>();
      for (String branch : request.branches()) {
        if (takeOne(conflictsLeft, branch)) {
          events.add("conflict " + branch);
          conflicted.add(branch);
        } else {
          merged.add(branch);
        }
      }
      if (merged.isEmpty()) {
        return new MergeResult(List.of(), conflicted, true, "", "integration", false);
      }
      boolean broken =
          merged.stream().anyMatch(b -> breaksChecks.contains(b) || takeOne(brokenMergesLeft, b));
      if (broken) {
        events.add("broken " + String.join(" ", merged));
        return new MergeResult(
            List.of(), conflicted, false, "FAIL: test_total", "integration", false);
      }
      events.add("integrate " + String.join(" ", merged));
      if (conflicted.isEmpty() && request.verifiedTrees().contains(treeWith(merged))) {
        passedAhead.add(String.join(" ", merged));
      }
      onIntegration.addAll(merged);
      return new MergeResult(merged, conflicted, true, "", "integration", false);
    }

    /** The fake's tree: the branches the integration branch would hold, each once, in order. */
    private String treeWith(List<String> branches) {
      List<String> all = new ArrayList<>(onIntegration);
      branches.stream().filter(b -> !all.contains(b)).forEach(all::add);
      return String.join("+", all);
    }

    @Override
    public SpeculationResult speculate(MergeRequest request) {
      speculations.add(request);
      if (speculateMillis > 0) {
        try {
          Thread.sleep(speculateMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      // Looks at the scripted conflicts and failures without using them up: the steps do that.
      List<String> conflicted =
          request.branches().stream().filter(b -> conflictsLeft.getOrDefault(b, 0) > 0).toList();
      List<String> merged =
          request.branches().stream().filter(b -> !conflicted.contains(b)).toList();
      boolean broken =
          merged.stream()
              .anyMatch(b -> breaksChecks.contains(b) || brokenMergesLeft.getOrDefault(b, 0) > 0);
      return new SpeculationResult(
          merged, conflicted, conflicted.isEmpty() && !broken, treeWith(merged));
    }

    @Override
    public SyncResult syncWithBase(SyncRequest request) {
      String id = request.worktree().substring(request.worktree().lastIndexOf('/') + 1);
      events.add("sync " + id + " with " + request.baseBranch());
      return syncConflicts.remove(id)
          ? new SyncResult("head", List.of("src/shared.py"))
          : new SyncResult("synced-" + id, List.of());
    }

    @Override
    public void publishBranch(PublishBranchRequest request) {
      publishedBranches.put(request.branch(), request.commit());
    }

    @Override
    public void abortMerge(String worktree) {
      events.add("abort " + worktree.substring(worktree.lastIndexOf('/') + 1));
    }

    @Override
    public List<String> unmerged(UnmergedRequest request) {
      events.add("unmerged? " + request.branches());
      return request.branches().stream().filter(notOnTarget::contains).toList();
    }

    @Override
    public MergeResult merge(MergeRequest request) {
      merges.add(request);
      if (finalChecksFail) {
        events.add("merge failed checks " + request.branches());
        return new MergeResult(request.branches(), List.of(), false, "FAIL: all", "t", false);
      }
      events.add("merge " + request.branches());
      return new MergeResult(request.branches(), List.of(), true, "", "merged-head", false);
    }
  }
}
