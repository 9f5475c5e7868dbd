package dev.braid.starter.config;

import dev.braid.config.AgentPreset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a tier of {@code braid.yaml} names its agent: a {@code preset} (with an optional {@code
 * model}), whose argv, output format and stdin prompt come from {@link AgentPreset}; or a full
 * {@code command}, whose output is auto-detected. Exactly one of the two.
 *
 * @param command the argv
 * @param output the preset's output format, or null for a command
 * @param promptOnStdin whether the prompt goes on the agent's stdin
 */
record TierCommand(List<String> command, String output, boolean promptOnStdin) {

  /** Reads the tier's agent, adding a problem naming the file and field for each mistake. */
  static TierCommand read(String file, String at, Map<?, ?> tier, List<String> problems) {
    Object preset = tier.get("preset");
    Object model = tier.get("model");
    if (model != null && !(model instanceof String s && !s.isBlank())) {
      problems.add(file + ": " + at + ".model: must be a non-empty string, such as haiku");
    }
    if (preset == null) {
      if (model != null) {
        problems.add(file + ": " + at + ".model: goes with preset; put it in the command instead");
      }
      List<String> command =
          CommandSections.argv(file, at + ".command", tier.get("command"), problems);
      return new TierCommand(command, null, false);
    }
    if (tier.containsKey("command")) {
      problems.add(file + ": " + at + ": give either preset or command, not both");
    }
    Optional<AgentPreset> found = AgentPreset.byId(String.valueOf(preset));
    if (found.isEmpty()) {
      problems.add(
          file
              + ": "
              + at
              + ".preset: unknown preset '"
              + preset
              + "' (known: "
              + String.join(", ", AgentPreset.ids())
              + "); use command: for any other agent");
      return new TierCommand(List.of(), null, false);
    }
    AgentPreset p = found.get();
    return new TierCommand(p.command(model instanceof String s ? s : null), p.id(), true);
  }
}
