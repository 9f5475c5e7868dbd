package dev.braid.starter.cli;

import picocli.CommandLine.Command;

/** {@code braid init}: sets a repository up for a tool braid works with. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    header = "Sets this repository up to drive braid from another tool.",
    description =
        "Writes what a tool such as Claude Code needs to call braid; see its subcommands.",
    subcommands = {InitClaudeCommand.class})
public class InitCommand {}
