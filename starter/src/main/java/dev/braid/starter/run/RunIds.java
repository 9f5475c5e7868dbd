package dev.braid.starter.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A run's workflow id comes from the repository and the plan, so that a second {@code execute} of
 * the same plan finds the run already going, and a new shell the next day finds it again.
 */
public final class RunIds {
  private RunIds() {}

  /** {@code braid-<plan slug>-<8 hex digits of the repository and plan paths>}. */
  public static String forPlan(Path repo, Path planDir, String planName) {
    String key = repo.toAbsolutePath().normalize() + "\n" + planDir.toAbsolutePath().normalize();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "braid-" + slug(planName) + "-" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static String slug(String name) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "plan" : slug;
  }
}
