package dev.braid.starter.cli;

import dev.braid.starter.temporal.TemporalFlags;
import picocli.CommandLine.Option;

/**
 * The flags that name a Temporal service, as Temporal's own CLI spells them. They override the
 * environment and the profile file; with none of them set anywhere, braid embeds its own server.
 */
public class TemporalOptions {
  private final TemporalFlags flags;

  public TemporalOptions(TemporalFlags flags) {
    this.flags = flags;
  }

  @Option(
      names = "--address",
      paramLabel = "HOST:PORT",
      description =
          "Temporal's frontend (overrides TEMPORAL_ADDRESS and the profile's). Any Temporal setting"
              + " names a cluster; with none, braid runs its own dev server.")
  void address(String address) {
    flags.address(address);
  }

  @Option(
      names = "--namespace",
      paramLabel = "NAME",
      description =
          "Temporal namespace (overrides TEMPORAL_NAMESPACE and the profile's; default: default).")
  void namespace(String namespace) {
    flags.namespace(namespace);
  }

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "Profile in Temporal's config file (TEMPORAL_CONFIG_FILE, else Temporal's default file);"
              + " overrides TEMPORAL_PROFILE.")
  void profile(String profile) {
    flags.profile(profile);
  }
}
