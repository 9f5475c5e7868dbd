package dev.braid.activities.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Masks secret values in text before it leaves the worker or the CLI, as GitHub Actions does: the
 * value of every environment variable whose name looks secret ({@link SecretNames#looksSecret}) or
 * is listed in {@code secrets:} is replaced by {@value #MASK} wherever it appears. Values shorter
 * than {@value #MIN_LENGTH} characters are left alone: masking every "1" or "yes" would make output
 * unreadable and hide nothing worth hiding.
 */
public final class SecretMask {
  public static final String MASK = "***";
  static final int MIN_LENGTH = 4;

  private final List<String> values;
  private final List<String> latin1Values;

  /** Masks the given values; the longest first, so that one secret inside another goes whole. */
  SecretMask(Collection<String> values) {
    this.values =
        values.stream()
            .filter(v -> v != null && v.length() >= MIN_LENGTH)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    this.latin1Values =
        this.values.stream()
            .map(v -> new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
            .toList();
  }

  /** The mask for the secret-looking and listed names of an environment. */
  public static SecretMask of(Map<String, String> env, Collection<String> listedSecrets) {
    Set<String> listed =
        listedSecrets.stream().map(n -> n.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    return new SecretMask(
        env.entrySet().stream()
            .filter(
                e ->
                    SecretNames.looksSecret(e.getKey())
                        || listed.contains(e.getKey().toUpperCase(Locale.ROOT)))
            .map(Map.Entry::getValue)
            .toList());
  }

  /** The mask for this process's environment. */
  public static SecretMask ofProcess(Collection<String> listedSecrets) {
    return of(System.getenv(), listedSecrets);
  }

  /** The text with every secret value replaced; null stays null. */
  public String mask(String text) {
    return replace(text, values);
  }

  /**
   * The same for bytes read as ISO-8859-1, one char per byte, so that a log that is not valid UTF-8
   * is masked without being damaged.
   */
  public String maskBytes(String latin1Text) {
    return replace(latin1Text, latin1Values);
  }

  private static String replace(String text, List<String> values) {
    if (text == null || text.isEmpty() || values.isEmpty()) {
      return text;
    }
    String result = text;
    for (String value : values) {
      if (result.contains(value)) {
        result = result.replace(value, MASK);
      }
    }
    return result;
  }

  /** Whether there is anything to mask at all. */
  public boolean isEmpty() {
    return values.isEmpty();
  }
}
