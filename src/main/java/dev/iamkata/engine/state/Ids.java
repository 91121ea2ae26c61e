package dev.iamkata.engine.state;

import java.security.SecureRandom;

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
    return java.util.UUID.randomUUID().toString();
  }

  private static String random(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
