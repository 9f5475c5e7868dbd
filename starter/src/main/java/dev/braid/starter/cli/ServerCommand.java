package dev.braid.starter.cli;

import dev.braid.deploy.DevServerInfo;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.temporal.TemporalConnector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code braid server}: the embedded Temporal dev server of a repository. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    header = "Starts (or reuses) the repository's embedded Temporal dev server, or stops it.",
    description = {
      "The embedded server is the one braid uses when no Temporal setting names a cluster. Its"
          + " state is a SQLite file in <repo>/.parallel/temporal/, so runs survive restarts."
    },
    footer = {"", "Examples:", "  braid server", "  braid server stop --json"})
public class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ACTION",
      description = "start (default) or stop.")
  String action = "start";

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "The repository (default: the current one).")
  Path repo;

  @Option(names = "--json", description = "Print one JSON document for scripts.")
  boolean json;

  /**
   * The {@code --json} document.
   *
   * @param running whether a server runs now
   * @param stopped whether this command stopped one
   */
  record Server(
      boolean running, boolean stopped, Long pid, String address, String webUi, String state) {}

  private final TemporalConnector connector;

  public ServerCommand(TemporalConnector connector) {
    this.connector = connector;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path root = Workspace.resolveRepo(repo);
    switch (action) {
      case "start" -> {
        DevServerInfo info = connector.ensureServer(root);
        if (json) {
          CliJson.print(
              out,
              new Server(
                  true, false, info.pid(), info.address(), info.uiUrl(), info.dbFile().toString()));
        } else {
          out.println("Temporal dev server (pid " + info.pid() + ") at " + info.address());
          out.println("Temporal Web UI: " + info.uiUrl());
          out.println("State: " + info.dbFile());
        }
      }
      case "stop" -> {
        boolean stopped = connector.stopServer(root);
        if (json) {
          CliJson.print(out, new Server(false, stopped, null, null, null, null));
        } else {
          out.println(
              stopped ? "Stopped the Temporal dev server." : "No Temporal dev server was running.");
        }
      }
      default -> throw new UsageError("server: ACTION must be start or stop, not '" + action + "'");
    }
    return ExitCodes.DONE;
  }
}
