package dev.braid.activities.secrets;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds each child process's environment on purpose, by one rule:
 *
 * <ol>
 *   <li>braid's own credentials and settings ({@link SecretNames#braidOwn}: {@code GITHUB_TOKEN},
 *       {@code GH_TOKEN}, every {@code TEMPORAL_*}, {@code GIT_CONFIG_*}, the askpass helpers, the
 *       SSH agent, inherited {@code BRAID_*}) never reach an agent, a check, setup or notify;
 *   <li>a name that looks secret ({@link SecretNames#looksSecret}), or is listed in {@code
 *       secrets:}, reaches a child only when listed for it: a tier's {@code env:}, or {@code
 *       env.checks}, {@code env.setup}, {@code env.notify}; an agent also gets the model providers'
 *       keys ({@link SecretNames#PROVIDER_KEYS});
 *   <li>every other name passes, so that tools find {@code PATH}, {@code HOME}, {@code JAVA_HOME}
 *       and the like.
 * </ol>
 *
 * git run by braid itself keeps everything but Temporal's settings and inherited {@code BRAID_*}:
 * pushing needs the user's credential helpers, askpass and tokens.
 */
public final class ChildEnvironment {
  private final Map<String, String> parent;
  private final EnvironmentGrants grants;
  private final Set<String> extraSecrets;

  public ChildEnvironment(Map<String, String> parent, EnvironmentGrants grants) {
    this.parent = Map.copyOf(parent);
    this.grants = grants;
    this.extraSecrets = upper(grants.secrets());
  }

  /** The rule applied to this worker's own environment, with nothing granted. */
  public static ChildEnvironment ofWorker() {
    return ofWorker(EnvironmentGrants.NONE);
  }

  /** The rule applied to this worker's own environment. */
  public static ChildEnvironment ofWorker(EnvironmentGrants grants) {
    return new ChildEnvironment(System.getenv(), grants);
  }

  /** The mask for the secrets of the environment this rule reads from. */
  public SecretMask mask() {
    return SecretMask.of(parent, grants.secrets());
  }

  /** The grants this rule was built with. */
  public EnvironmentGrants grants() {
    return grants;
  }

  /**
   * What a child of this kind inherits from braid's environment.
   *
   * @param listed names the child's own config lists (a tier's {@code env:}); empty for others
   */
  public Map<String, String> inherited(ChildKind kind, Collection<String> listed) {
    Set<String> allowed = upper(listed);
    allowed.addAll(
        upper(
            switch (kind) {
              case AGENT -> SecretNames.PROVIDER_KEYS;
              case CHECK -> grants.checks();
              case SETUP -> grants.setup();
              case NOTIFY -> grants.notifyCommand();
              case GIT -> Set.of();
            }));
    Map<String, String> result = new LinkedHashMap<>();
    parent.forEach(
        (name, value) -> {
          if (passes(kind, name, allowed)) {
            result.put(name, value);
          }
        });
    return result;
  }

  /**
   * What Claude Code sets for the commands it runs, naming its own session. A worker started from
   * inside Claude Code ({@code /braid:execute}) must not hand them on: an agent braid runs, a
   * Claude Code among them, is a session of its own, not a part of the user's.
   */
  static final Set<String> OUTER_SESSION =
      Set.of(
          "CLAUDECODE",
          "CLAUDE_CODE_SESSION_ID",
          "CLAUDE_CODE_CHILD_SESSION",
          "CLAUDE_CODE_ENTRYPOINT",
          "CLAUDE_CODE_SSE_PORT");

  private boolean passes(ChildKind kind, String name, Set<String> allowed) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (OUTER_SESSION.contains(upper)) {
      return false;
    }
    if (kind == ChildKind.GIT) {
      return !upper.startsWith("TEMPORAL_") && !upper.startsWith("BRAID_");
    }
    if (SecretNames.braidOwn(name)) {
      return false;
    }
    boolean secret = SecretNames.looksSecret(name) || extraSecrets.contains(upper);
    return !secret || allowed.contains(upper);
  }

  private static Set<String> upper(Collection<String> names) {
    Set<String> result = new HashSet<>();
    names.forEach(n -> result.add(n.toUpperCase(Locale.ROOT)));
    return result;
  }
}
