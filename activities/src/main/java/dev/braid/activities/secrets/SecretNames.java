package dev.braid.activities.secrets;

import java.util.Locale;
import java.util.Set;

/**
 * Which environment variable names hold secrets. The one place where braid decides it, so that the
 * environment rule ({@link ChildEnvironment}) and the masking rule ({@link SecretMask}) never
 * disagree. The patterns are GitHub Actions' habits: a name that says it is a token, a secret, a
 * password or a key is treated as one.
 */
public final class SecretNames {
  /**
   * braid's own credentials and connection settings: the pull-request token, Temporal's connection
   * profile (API key, TLS material, address), and what lets git authenticate as the user. They
   * never reach an agent, a check, setup or notify, even when listed in {@code braid.yaml}.
   */
  private static final Set<String> BRAID_OWN =
      Set.of("GITHUB_TOKEN", "GH_TOKEN", "GIT_ASKPASS", "SSH_ASKPASS", "SSH_AUTH_SOCK");

  private static final Set<String> BRAID_OWN_PREFIXES =
      Set.of("TEMPORAL_", "GIT_CONFIG_", "BRAID_");

  /**
   * The keys of model providers that agent CLIs read. An agent gets these by default, since an
   * agent without its provider's key cannot work; checks, setup and notify never do, unless listed.
   */
  public static final Set<String> PROVIDER_KEYS =
      Set.of(
          "ANTHROPIC_API_KEY",
          "ANTHROPIC_AUTH_TOKEN",
          "CLAUDE_CODE_OAUTH_TOKEN",
          "OPENAI_API_KEY",
          "CODEX_API_KEY",
          "GEMINI_API_KEY",
          "GOOGLE_API_KEY",
          "MISTRAL_API_KEY",
          "OPENROUTER_API_KEY",
          "GROQ_API_KEY",
          "XAI_API_KEY",
          "DEEPSEEK_API_KEY");

  private SecretNames() {}

  /** Whether a name looks like it holds a secret, so its value is withheld and masked. */
  public static boolean looksSecret(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.contains("TOKEN")
        || upper.contains("SECRET")
        || upper.contains("PASSWORD")
        || upper.contains("PASSWD")
        || upper.contains("CREDENTIAL")
        || upper.contains("API_KEY")
        || upper.contains("PRIVATE_KEY")
        || upper.endsWith("_KEY")
        || upper.startsWith("TEMPORAL_TLS");
  }

  /** Whether a name is one of braid's own credentials or settings, which no child may see. */
  public static boolean braidOwn(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return BRAID_OWN.contains(upper) || BRAID_OWN_PREFIXES.stream().anyMatch(upper::startsWith);
  }
}
