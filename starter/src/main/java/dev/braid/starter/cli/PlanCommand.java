package dev.braid.starter.cli;

import picocli.CommandLine.Command;

/** {@code braid plan}: look at a plan without running it. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    header = "Checks a plan, shows its graph, or extracts one from a Claude Code session.",
    description =
        "Reads a plan as braid execute would, and starts nothing; or writes one from the plan a"
            + " Claude Code conversation made.",
    subcommands = {PlanValidateCommand.class, PlanGraphCommand.class, PlanExtractCommand.class})
public class PlanCommand {}
