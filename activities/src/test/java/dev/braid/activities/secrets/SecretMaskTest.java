package dev.braid.activities.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskTest {
  private final SecretMask mask =
      SecretMask.of(
          Map.of(
              "GITHUB_TOKEN", "ghp_abcdef123456",
              "STRIPE_SECRET", "sk_live_zz",
              "DB_PASSWORD", "pässwört",
              "SIGNING_KEY", "k3y-value",
              "MY_SERVICE_URL", "https://u:p@svc.example",
              "SHORT_TOKEN", "abc",
              "HOME", "/home/me"),
          List.of("my_service_url"));

  @Test
  void masksValuesOfSecretLookingAndListedNames() {
    String text =
        "push with ghp_abcdef123456 to https://u:p@svc.example; key k3y-value sk_live_zz in /home/me";
    assertEquals("push with *** to ***; key *** *** in /home/me", mask.mask(text));
  }

  @Test
  void leavesShortValuesAndNullAlone() {
    assertEquals("abc is short", mask.mask("abc is short"));
    assertNull(mask.mask(null));
  }

  @Test
  void masksUtf8ValuesInBytesReadOneCharPerByte() {
    String latin1 =
        new String("pw=pässwört\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertEquals("pw=***\n", mask.maskBytes(latin1));
  }
}
