package dev.braid.starter.cli;

import picocli.CommandLine.Command;

/** {@code braid init}: sets a repository up for a tool braid works with. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Sets this repository up to drive braid from another tool.",
    subcommands = {InitClaudeCommand.class})
public class InitCommand {}
