package dev.braid.activities.secrets;

import java.util.List;

/**
 * The worker's side of the environment rule: secret-looking names that checks, setup and notify may
 * see anyway, and extra names whose values are masked. Read by the worker from its own {@code
 * braid.yaml} ({@code env:} and {@code secrets:}), never from workflow payloads.
 *
 * @param checks names checks may see although they look secret
 * @param setup names setup commands may see although they look secret
 * @param notifyCommand names the notify command may see although they look secret
 * @param secrets names that hold secrets although they do not look it: withheld and masked
 */
public record EnvironmentGrants(
    List<String> checks, List<String> setup, List<String> notifyCommand, List<String> secrets) {

  /** Nothing granted: children see only names that do not look secret. */
  public static final EnvironmentGrants NONE =
      new EnvironmentGrants(List.of(), List.of(), List.of(), List.of());

  public EnvironmentGrants {
    checks = List.copyOf(checks);
    setup = List.copyOf(setup);
    notifyCommand = List.copyOf(notifyCommand);
    secrets = List.copyOf(secrets);
  }
}
