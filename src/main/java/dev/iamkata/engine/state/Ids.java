package dev.iamkata.engine.state;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers that look like AWS's: a four-letter type prefix ({@code AKIA}, {@code ASIA}, {@code
 * AIDA}, {@code AROA}, {@code AGPA}, {@code ANPA}, {@code AIPA}) and upper-case base-32 style
 * characters, and 40-character secrets.
 */
public final class Ids {
  private static final char[] UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] SECRET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** A long-term access key ID: {@code AKIA} and 16 characters. */
  public static String accessKeyId() {
    return "AKIA" + random(UPPER, 16);
  }

  /** A temporary access key ID: {@code ASIA} and 16 characters. */
  public static String sessionKeyId() {
    return "ASIA" + random(UPPER, 16);
  }

  /** A unique entity ID such as {@code AIDA} + 17 characters (21 in all, as IAM's are). */
  public static String uniqueId(String prefix) {
    return prefix + random(UPPER, 17);
  }

  /** A 40-character secret access key. */
  public static String secret() {
    return random(SECRET, 40);
  }

  /** A request ID in the UUID form AWS uses. */
  public static String requestId() {
    return uuid();
  }

  /**
   * A random (version 4) UUID for IDs that must be unique but need not be unguessable: request and
   * CloudTrail event IDs, one or two per request. {@link UUID#randomUUID()} draws on one shared
   * SecureRandom whose lock the request threads queue on; keys and secrets still use it.
   */
  public static String uuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  private static String random(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
