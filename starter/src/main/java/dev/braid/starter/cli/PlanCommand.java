package dev.braid.starter.cli;

import picocli.CommandLine.Command;

/** {@code braid plan}: look at a plan without running it. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Checks a plan, or shows its dependency graph.",
    subcommands = {PlanValidateCommand.class, PlanGraphCommand.class})
public class PlanCommand {}
