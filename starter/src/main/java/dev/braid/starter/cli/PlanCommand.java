package dev.braid.starter.cli;

import picocli.CommandLine.Command;

/** {@code braid plan}: look at a plan without running it. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    header = "Checks a plan, or shows its dependency graph, without running it.",
    description = "Reads a plan as braid execute would, and starts nothing.",
    subcommands = {PlanValidateCommand.class, PlanGraphCommand.class})
public class PlanCommand {}
