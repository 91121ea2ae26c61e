package dev.iamkata.engine.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TotpTest {
  /** RFC 6238 appendix B's SHA1 key, "12345678901234567890". */
  private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void rfc6238Sha1VectorsWithEightDigits() {
    assertEquals("94287082", Totp.codeAt(RFC_KEY, 59 / 30, 8));
    assertEquals("07081804", Totp.codeAt(RFC_KEY, 1111111109L / 30, 8));
    assertEquals("14050471", Totp.codeAt(RFC_KEY, 1111111111L / 30, 8));
    assertEquals("89005924", Totp.codeAt(RFC_KEY, 1234567890L / 30, 8));
    assertEquals("69279037", Totp.codeAt(RFC_KEY, 2000000000L / 30, 8));
    assertEquals("65353130", Totp.codeAt(RFC_KEY, 20000000000L / 30, 8));
  }

  @Test
  void sixDigitCodesAreTheLastSixOfTheVectorsFromABase32Seed() {
    String seed = Totp.encode(RFC_KEY);
    assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", seed);
    assertEquals("287082", Totp.code(seed, Instant.ofEpochSecond(59)));
    assertEquals("081804", Totp.code(seed, Instant.ofEpochSecond(1111111109)));
    String sloppy = seed.toLowerCase(Locale.ROOT) + "====";
    assertEquals("005924", Totp.code(sloppy, Instant.ofEpochSecond(1234567890)));
  }

  @Test
  void freshSeedsAreSixtyFourBase32CharactersThatRoundTrip() {
    String seed = Totp.newSeed();
    assertEquals(64, seed.length());
    assertTrue(seed.matches("[A-Z2-7]+"), seed);
    assertEquals(seed, Totp.encode(Totp.decode(seed)));
  }

  @Test
  void aCharacterOutsideBase32IsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Totp.decode("ABC1"));
  }

  @Test
  void stepsAreThirtySecondsLong() {
    assertEquals(0, Totp.step(Instant.ofEpochSecond(29)));
    assertEquals(1, Totp.step(Instant.ofEpochSecond(30)));
  }
}
