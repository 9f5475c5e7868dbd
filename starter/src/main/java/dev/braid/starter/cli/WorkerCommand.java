package dev.braid.starter.cli;

import dev.braid.starter.config.WorkerGrants;
import dev.braid.starter.run.RepositoryIdentity;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.SearchAttributeRegistrar;
import dev.braid.starter.temporal.TemporalConnector;
import dev.braid.starter.temporal.WorkerHost;
import dev.braid.starter.temporal.WorkerMode;
import dev.braid.workflow.BraidNames;
import java.nio.file.Path;
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
          + " serves the embedded server of --repo (default: the current repository)."
    },
    footer = {
      "",
      "Examples:",
      "  braid worker",
      "  TEMPORAL_ADDRESS=temporal.internal:7233 braid worker"
    })
public class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "The checkout this worker serves (default: the current directory's repository): it"
              + " gets the runs of the repository whose origin it holds, and on the embedded"
              + " server, that repository's server.")
  Path repo;

  private final TemporalConnector connector;
  private final WorkerHost worker;

  public WorkerCommand(TemporalConnector connector, WorkerHost worker) {
    this.connector = connector;
    this.worker = worker;
  }

  @Override
  public Integer call() throws InterruptedException {
    // A worker serves one checkout: the runs of the repository it holds, wherever it lives.
    Path root = Workspace.resolveRepo(repo);
    Connection connection = connector.connect(root);
    SearchAttributeRegistrar.ensure(connection);
    // The worker reads what its checks may see from its own checkout's braid.yaml.
    Path config = root.resolve("braid.yaml");
    String queue = BraidNames.repositoryQueue(RepositoryIdentity.of(root));
    worker.start(
        connection,
        WorkerMode.FULL,
        WorkerGrants.of(config, false),
        WorkerGrants.notifyCommand(config, false),
        queue);
    spec.commandLine()
        .getOut()
        .printf(
            "braid worker polling %s and %s on %s (namespace %s) for the checkout %s%n",
            queue,
            BraidNames.hostTaskQueue(queue, WorkerHost.hostName()),
            connection.address(),
            connection.namespace(),
            root);
    spec.commandLine().getOut().flush();
    worker.awaitTermination();
    return ExitCodes.DONE;
  }
}
