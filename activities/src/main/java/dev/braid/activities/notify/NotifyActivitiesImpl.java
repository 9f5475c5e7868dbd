package dev.braid.activities.notify;

import dev.braid.activities.files.LocalCheckout;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessOutcome;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activities.process.ProcessSpec;
import dev.braid.activities.secrets.ChildKind;
import dev.braid.activities.secrets.SecretMask;
import dev.braid.activity.NotifyActivities;
import dev.braid.activity.NotifyRequest;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code notify} command of {@code braid.yaml} when a task becomes blocked, so that a
 * human learns it needs them without watching the terminal.
 *
 * <p>The command is an argv run in the repository with {@code BRAID_RUN_ID}, {@code BRAID_TASK_ID}
 * and {@code BRAID_BLOCKED_REASON} added to the worker's environment. A notifier that cannot start,
 * fails or hangs is reported as {@code false} and a warning, never as an exception: a broken
 * notifier must not fail the run it reports on. Only a cancellation of the activity propagates.
 *
 * <p><b>Idempotency.</b> None is attempted: a repeat (Temporal retrying after a lost worker) sends
 * the notification again. A duplicate message to a human is acceptable; a lost one, or a run failed
 * by its notifier, is not.
 *
 * <p>The warning names only the program and how it ended. Neither the rest of the argv (a webhook
 * URL is often a secret) nor the output (a verbose HTTP client prints its headers) nor any variable
 * of the environment is logged.
 */
public final class NotifyActivitiesImpl implements NotifyActivities {
  private static final Logger log = LoggerFactory.getLogger(NotifyActivitiesImpl.class);

  /** Long enough for a slow webhook, short enough that a hung notifier is noticed. */
  static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** The reason is cut to this, well below the kernel's limit on one environment string. */
  private static final int REASON_CHARS = 16_000;

  /** What a shell, and {@code setsid}, exit with when the program does not exist. */
  private static final int NOT_FOUND = 127;

  private final ProcessRunner runner;
  private final Supplier<Heartbeat> heartbeats;
  private final List<String> workerCommand;
  private final LocalCheckout checkout;

  /** The production activity, heartbeating to the running Temporal activity. */
  public NotifyActivitiesImpl() {
    this(new ProcessRunner(), NotifyActivitiesImpl::activityHeartbeat);
  }

  /** Runs the notify command with the given runner and the worker's environment rule. */
  public NotifyActivitiesImpl(ProcessRunner runner) {
    this(runner, NotifyActivitiesImpl::activityHeartbeat);
  }

  /**
   * @param workerCommand the worker's own notify argv, from its {@code braid.yaml}: used when the
   *     request carries none, as requests from runs since the argv left workflow inputs do
   */
  public NotifyActivitiesImpl(ProcessRunner runner, List<String> workerCommand) {
    this(runner, workerCommand, LocalCheckout.UNKNOWN);
  }

  /** As {@link #NotifyActivitiesImpl(ProcessRunner, List)}, running in {@code checkout}. */
  public NotifyActivitiesImpl(
      ProcessRunner runner, List<String> workerCommand, LocalCheckout checkout) {
    this(runner, NotifyActivitiesImpl::activityHeartbeat, workerCommand, checkout);
  }

  /**
   * @param runner runs the command
   * @param heartbeats gives the heartbeat of the running call, on its thread; tests outside
   *     Temporal pass one that does nothing
   */
  public NotifyActivitiesImpl(ProcessRunner runner, Supplier<Heartbeat> heartbeats) {
    this(runner, heartbeats, List.of());
  }

  public NotifyActivitiesImpl(
      ProcessRunner runner, Supplier<Heartbeat> heartbeats, List<String> workerCommand) {
    this(runner, heartbeats, workerCommand, LocalCheckout.UNKNOWN);
  }

  /**
   * @param checkout this worker's checkout, where the command runs for a run started from a
   *     checkout elsewhere
   */
  public NotifyActivitiesImpl(
      ProcessRunner runner,
      Supplier<Heartbeat> heartbeats,
      List<String> workerCommand,
      LocalCheckout checkout) {
    this.runner = runner;
    this.heartbeats = heartbeats;
    this.workerCommand = List.copyOf(workerCommand);
    this.checkout = checkout;
  }

  @Override
  public boolean notifyBlocked(NotifyRequest given) {
    NotifyRequest request = checkout.local(given);
    List<String> command = request.command().isEmpty() ? workerCommand : request.command();
    if (command.isEmpty()) {
      log.info("task {}: blocked; no notify command is set", request.taskId());
      return false;
    }
    String program = command.get(0);
    Path repo = Path.of(request.repo());
    if (!Files.isDirectory(repo)) {
      log.warn(
          "task {}: cannot run notify command {}: {} is not a directory on this host",
          request.taskId(),
          program,
          repo);
      return false;
    }
    try {
      ProcessOutcome outcome =
          runner.run(
              new ProcessSpec(
                  command,
                  repo,
                  env(request, runner.mask()),
                  null,
                  TIMEOUT,
                  null,
                  ChildKind.NOTIFY),
              heartbeats.get());
      if (outcome.succeeded()) {
        log.info("task {}: blocked; notified through {}", request.taskId(), program);
        return true;
      }
      log.warn(
          "task {}: notify command {} {}; nobody was notified",
          request.taskId(),
          program,
          outcome.timedOut()
              ? "timed out after " + TIMEOUT.toSeconds() + "s"
              : outcome.exitCode() == NOT_FOUND
                  ? "was not found or could not run (status 127)"
                  : "exited with status " + outcome.exitCode());
      return false;
    } catch (ActivityCompletionException e) {
      // Cancelled or timed out: the runner killed the command; Temporal must see it.
      throw e;
    } catch (IOException | RuntimeException e) {
      log.warn(
          "task {}: notify command {} could not run ({}); nobody was notified",
          request.taskId(),
          program,
          e.getClass().getSimpleName());
      return false;
    }
  }

  private static Map<String, String> env(NotifyRequest request, SecretMask mask) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("BRAID_RUN_ID", request.runId());
    env.put("BRAID_TASK_ID", request.taskId());
    // The reason may quote a check's output; it is masked again here, on the worker, in case it
    // was built on a host whose environment held other secrets.
    String reason = request.reason() == null ? "" : mask.mask(request.reason());
    env.put(
        "BRAID_BLOCKED_REASON",
        reason.length() <= REASON_CHARS ? reason : reason.substring(0, REASON_CHARS) + "...");
    return env;
  }

  private static Heartbeat activityHeartbeat() {
    ActivityExecutionContext context = Activity.getExecutionContext();
    return context::heartbeat;
  }
}
