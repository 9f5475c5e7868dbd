package dev.braid.starter.cli;

import dev.braid.starter.claude.ClaudeCodeInstall;
import dev.braid.starter.claude.ClaudeCodeSetup;
import dev.braid.starter.run.Workspace;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code braid init claude}: the slash commands that run braid from inside Claude Code. */
@Command(
    name = "claude",
    mixinStandardHelpOptions = true,
    header =
        "Writes the /braid:execute, /braid:status and /braid:unblock commands for Claude Code.",
    description = {
      "Writes the slash commands /braid:execute, /braid:status and /braid:unblock into the"
          + " repository's .claude/commands/braid/, and allows the braid calls they make in"
          + " .claude/settings.json (permissions.allow, merged into what is there). In Claude"
          + " Code, make a plan in the conversation, then type /braid:execute."
    },
    footer = {"", "Examples:", "  braid init claude", "  braid init claude --force --json"})
public class InitClaudeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "The git repository (default: the one holding the current directory).")
  Path repo;

  @Option(names = "--force", description = "Replace command files that differ from braid's.")
  boolean force;

  @Option(names = "--json", description = "Print one JSON document for scripts.")
  boolean json;

  @Override
  public Integer call() {
    Path root = Workspace.resolveRepo(repo);
    PrintWriter out = spec.commandLine().getOut();
    ClaudeCodeInstall done = ClaudeCodeSetup.install(root, force);
    if (json) {
      CliJson.print(out, done);
      return ExitCodes.DONE;
    }
    done.lines().forEach(line -> out.println("  " + line));
    out.println(
        "In Claude Code, in "
            + root
            + ": make a plan in the conversation (or keep one in .parallel/plans/), then type"
            + " /braid:execute.");
    out.println(
        "Claude Code applies the repository's permission rules once you trusted the folder (it asks"
            + " the first time you start it there).");
    if (!onPath("braid")) {
      String home = System.getProperty("braid.home", "<braid's folder>");
      out.println(
          "Note: the commands call 'braid', which is not on your PATH: export PATH=\""
              + home
              + ":$PATH\"");
    }
    return ExitCodes.DONE;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
