package dev.braid.starter.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's signature of a webhook delivery: {@code X-Hub-Signature-256: sha256=<hex>}, the
 * HMAC-SHA256 of the raw body under the webhook's secret. A delivery without a valid one is refused
 * before its body is read for anything else.
 */
final class WebhookSignature {
  static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";

  private final byte[] secret;

  WebhookSignature(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The header GitHub sends with this body. */
  String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Whether the header is this body's signature; compared in constant time. */
  boolean matches(byte[] body, String header) {
    if (header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(body).getBytes(StandardCharsets.US_ASCII), header.getBytes(StandardCharsets.US_ASCII));
  }
}
