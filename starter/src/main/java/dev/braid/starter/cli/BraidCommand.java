package dev.braid.starter.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The top of the command tree. */
@Command(
    name = "braid",
    mixinStandardHelpOptions = true,
    versionProvider = BraidVersion.class,
    description = {
      "Runs a development plan as parallel coding-agent tasks, each in its own git worktree, on"
          + " Temporal, and braids the results back into the main branch.",
      "",
      "Temporal is found the way Temporal's own tools find it: a profile file (TEMPORAL_CONFIG_FILE,"
          + " else ~/.config/temporalio/temporal.toml, profile TEMPORAL_PROFILE or default), then"
          + " TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY and the TLS variables, then"
          + " the --address, --namespace and --profile flags. With none of them, braid starts (or"
          + " reuses) a local Temporal dev server whose state lives in <repo>/.parallel/temporal/,"
          + " and runs a worker in the CLI process."
    },
    footer = {
      "",
      "Exit codes: 0 done, 1 the run failed, 2 bad usage or input, 3 the run waits on a human.",
      "Start with: braid demo",
      "Then, in your repository: braid plan validate && braid execute"
    })
public class BraidCommand {

  /**
   * The subcommands, in the order {@code --help} lists them. They are added by {@link CommandTree},
   * not named in the annotation, so that a command line that names one builds only that one.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ExecuteCommand.class,
          StatusCommand.class,
          ListCommand.class,
          UnblockCommand.class,
          CancelCommand.class,
          ReportCommand.class,
          CleanupCommand.class,
          PlanCommand.class,
          InitCommand.class,
          WorkerCommand.class,
          ServerCommand.class,
          WebhookCommand.class,
          DemoCommand.class,
          HelpCommand.class);
}
