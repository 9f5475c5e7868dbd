package dev.braid.starter.cli;

import picocli.CommandLine.Command;

/** {@code braid plan}: look at a plan without running it. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Checks a plan, shows its dependency graph, or extracts one from a Claude Code session.",
    subcommands = {PlanValidateCommand.class, PlanGraphCommand.class, PlanExtractCommand.class})
public class PlanCommand {}
