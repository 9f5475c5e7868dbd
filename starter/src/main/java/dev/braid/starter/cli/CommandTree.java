package dev.braid.starter.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds braid's command tree. A command line that names a subcommand gets a tree with only that
 * one: picocli reads every subcommand's annotations and makes each command through the factory,
 * with the components it takes, which for a quick read such as {@code braid status} cost more than
 * the rest of its work (see "How long braid status takes" in docs/BENCHMARKS.md). Anything else (no
 * subcommand, {@code help}, a mistyped name that deserves suggestions) gets the whole tree.
 */
final class CommandTree {
  private CommandTree() {}

  /** Every subcommand. */
  static CommandLine full(CommandLine.IFactory factory) {
    return withSubcommands(factory, BraidCommand.SUBCOMMANDS);
  }

  /** The tree this command line needs. */
  static CommandLine forArgs(CommandLine.IFactory factory, String... args) {
    if (args.length > 0) {
      for (Class<?> type : BraidCommand.SUBCOMMANDS) {
        String name = type.getAnnotation(Command.class).name();
        if (name.equals(args[0]) && !"help".equals(name)) {
          return withSubcommands(factory, List.of(type));
        }
      }
    }
    return full(factory);
  }

  private static CommandLine withSubcommands(
      CommandLine.IFactory factory, List<Class<?>> subcommands) {
    CommandLine top = new CommandLine(new BraidCommand(), factory);
    for (Class<?> type : subcommands) {
      top.addSubcommand(new CommandLine(type, factory));
    }
    return top;
  }
}
