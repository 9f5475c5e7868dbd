package dev.braid.starter.cli;

import dev.braid.activities.secrets.SecretMask;
import dev.braid.starter.config.ConfigException;
import dev.braid.starter.config.WorkerGrants;
import dev.braid.starter.run.Workspace;
import java.io.PrintWriter;
import java.util.List;
import org.springframework.beans.BeansException;
import picocli.CommandLine;

/**
 * The command line over braid's engine. One place turns exceptions into messages and exit codes, so
 * every command fails the same way: a line that says what is wrong, and a non-zero exit.
 */
public final class BraidCli {
  private final CommandLine.IFactory components;

  /**
   * @param components makes commands, their mixins and the components they take: Spring's bean
   *     factory, or {@code PlainComponents} for the commands that only read
   */
  public BraidCli(CommandLine.IFactory components) {
    this.components = components;
  }

  /** Runs one command line and returns its exit code. */
  public int run(PrintWriter rawOut, PrintWriter rawErr, String... args) {
    // Everything printed is masked and made safe for a terminal, in this one place.
    SecretMask mask = SecretMask.ofProcess(configuredSecrets());
    PrintWriter out = new PrintWriter(new SafeTerminalWriter(rawOut, mask));
    PrintWriter err = new PrintWriter(new SafeTerminalWriter(rawErr, mask));
    CommandLine cli = CommandTree.forArgs(this::create, args);
    CommandLine unblock = cli.getSubcommands().get("unblock");
    if (unblock != null) {
      BlockKindsHelp.install(unblock);
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof dev.braid.starter.temporal.TemporalUnreachable) {
            err.println("braid: " + e.getMessage());
            return ExitCodes.FAILED;
          }
          if (e instanceof UsageError
              || e instanceof ConfigException
              || e instanceof PlanLoader.PlanRejected) {
            err.println("braid: " + e.getMessage());
            return ExitCodes.USAGE;
          }
          err.println("braid: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
          if (System.getenv("BRAID_DEBUG") != null) {
            e.printStackTrace(err);
          }
          return ExitCodes.FAILED;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The names the repository's {@code braid.yaml} lists under {@code secrets:}: their values are
   * masked too, not only those of names that look secret. Outside a repository there are none.
   */
  private static List<String> configuredSecrets() {
    try {
      return WorkerGrants.secretNames(Workspace.resolveRepo(null));
    } catch (RuntimeException notInARepository) {
      return List.of();
    }
  }

  private <K> K create(Class<K> type) throws Exception {
    try {
      return components.create(type);
    } catch (BeansException e) {
      // Spring makes only what it can wire; picocli's own types it leaves to picocli.
      return CommandLine.defaultFactory().create(type);
    }
  }
}
