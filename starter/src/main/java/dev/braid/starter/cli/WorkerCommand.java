package dev.braid.starter.cli;

import dev.braid.starter.config.WorkerGrants;
import dev.braid.starter.run.RepositoryIdentity;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.telemetry.ServiceLogging;
import dev.braid.starter.telemetry.Telemetry;
import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.SearchAttributeRegistrar;
import dev.braid.starter.temporal.TemporalConnector;
import dev.braid.starter.temporal.WorkerHost;
import dev.braid.starter.temporal.WorkerMode;
import dev.braid.starter.temporal.WorkerSetup;
import dev.braid.workflow.BraidNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code braid worker}: runs braid's workflows and activities until stopped. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    header = "Runs a braid worker until it is stopped (SIGTERM or Ctrl-C).",
    description = {
      "When a Temporal setting names a cluster (a profile file, TEMPORAL_ADDRESS and the other"
          + " TEMPORAL_* variables, or --address, --namespace, --profile) it serves that cluster:"
          + " run one per host that holds a checkout, from the checkout's root. Otherwise it"
          + " serves the embedded server of --repo (default: the current repository).",
      "",
      "On SIGTERM it stops taking work, lets running agent attempts finish for up to"
          + " --drain-seconds, then interrupts the rest (their process trees are killed) and"
          + " Temporal retries them on another worker.",
      "",
      "Tracing: when the standard OTEL_* variables name an exporter (such as"
          + " OTEL_EXPORTER_OTLP_ENDPOINT), workflows and activities are traced through"
          + " Temporal's interceptors and exported by OpenTelemetry; otherwise nothing is.",
      "",
      "Each option's default may also be set in the environment (BRAID_METRICS_PORT,"
          + " BRAID_METRICS_BIND, BRAID_MAX_AGENTS, BRAID_DRAIN_SECONDS), as the systemd and"
          + " compose files do."
    },
    footer = {
      "",
      "Examples:",
      "  braid worker",
      "  TEMPORAL_ADDRESS=temporal.internal:7233 \\",
      "    braid worker --max-agents 4 --metrics-port 9464",
      "  curl -s http://127.0.0.1:9464/metrics | grep '^braid_'"
    })
public class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      defaultValue = "${env:BRAID_REPO}",
      description =
          "The checkout this worker serves (default: BRAID_REPO, else the current directory's"
              + " repository): it gets the runs of the repository whose origin it holds, and on"
              + " the embedded server, that repository's server.")
  Path repo;

  @Option(
      names = "--metrics-port",
      paramLabel = "N",
      defaultValue = "${env:BRAID_METRICS_PORT}",
      description =
          "Serve Prometheus metrics (the Temporal SDK's and braid's own) on"
              + " http://<bind>:N/metrics; 0 picks a free port, printed at start. Default: none.")
  Integer metricsPort;

  @Option(
      names = "--metrics-bind",
      paramLabel = "ADDR",
      defaultValue = "${env:BRAID_METRICS_BIND:-" + WorkerDefaults.METRICS_BIND + "}",
      description = "The address the metrics endpoint listens on. Default: ${DEFAULT-VALUE}.")
  String metricsBind;

  @Option(
      names = "--max-agents",
      paramLabel = "N",
      defaultValue = "${env:BRAID_MAX_AGENTS}",
      description =
          "At most N activities at once on this host's own queue, where agent attempts run;"
              + " Temporal hands the rest to other workers or keeps them queued. Default: no"
              + " limit beyond the SDK's.")
  Integer maxAgents;

  @Option(
      names = "--drain-seconds",
      paramLabel = "S",
      defaultValue = "${env:BRAID_DRAIN_SECONDS:-" + WorkerDefaults.DRAIN_SECONDS + "}",
      description =
          "On SIGTERM, how long running attempts may finish before they are interrupted."
              + " Default: ${DEFAULT-VALUE}.")
  long drainSeconds;

  private final TemporalConnector connector;
  private final WorkerHost worker;

  public WorkerCommand(TemporalConnector connector, WorkerHost worker) {
    this.connector = connector;
    this.worker = worker;
  }

  @Override
  public Integer call() throws InterruptedException {
    checkOptions();
    ServiceLogging.apply(System.getenv(ServiceLogging.LEVEL_VARIABLE));
    // A worker serves one checkout: the runs of the repository it holds, wherever it lives.
    Path root = Workspace.resolveRepo(repo);
    Telemetry telemetry = Telemetry.start(metricsPort, metricsBind, System.getenv());
    WorkerSetup setup =
        new WorkerSetup(
            maxAgents == null ? 0 : maxAgents,
            Duration.ofSeconds(drainSeconds),
            telemetry.workerInterceptors(),
            telemetry.agentUsage(),
            telemetry,
            true);
    Connection connection;
    try {
      connector.instrument(telemetry.client());
      connection = connector.connect(root);
      SearchAttributeRegistrar.ensure(connection);
    } catch (RuntimeException e) {
      telemetry.close();
      throw e;
    }
    // The worker reads what its checks may see from its own checkout's braid.yaml.
    Path config = root.resolve("braid.yaml");
    String queue = BraidNames.repositoryQueue(RepositoryIdentity.of(root));
    worker.start(
        connection,
        WorkerMode.FULL,
        WorkerGrants.of(config, false),
        WorkerGrants.notifyCommand(config, false),
        setup,
        queue,
        root);
    String hostQueue = BraidNames.hostTaskQueue(queue, WorkerHost.hostName());
    var out = spec.commandLine().getOut();
    out.printf(
        "braid worker polling %s and %s on %s (namespace %s) for the checkout %s%n",
        queue, hostQueue, connection.address(), connection.namespace(), root);
    out.printf(
        "at most %s at once on %s; on SIGTERM running attempts get %d s to finish%n",
        maxAgents == null ? "the SDK's default number of activities" : maxAgents + " activities",
        hostQueue,
        drainSeconds);
    telemetry.metricsUrl().ifPresent(url -> out.printf("serving metrics on %s%n", url));
    if (telemetry.tracing()) {
      out.println("tracing workflows and activities to OpenTelemetry (OTEL_* settings)");
    }
    out.flush();
    worker.awaitTermination();
    return ExitCodes.DONE;
  }

  private void checkOptions() {
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
      throw new UsageError("--metrics-port must be a port (0 to 65535), not " + metricsPort);
    }
    if (maxAgents != null && maxAgents < 1) {
      throw new UsageError("--max-agents must be at least 1, not " + maxAgents);
    }
    if (drainSeconds < 0) {
      throw new UsageError("--drain-seconds must not be negative, not " + drainSeconds);
    }
  }
}
