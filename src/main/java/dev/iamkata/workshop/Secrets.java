package dev.iamkata.workshop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** Random join codes and tokens, compared in constant time. */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  // no 0/O, 1/I/L: a join code is read aloud and typed from a projector
  private static final char[] CODE = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
  private static final char[] TOKEN =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private Secrets() {}

  /** An 8-character join code such as {@code K7QX-M2PA} (without the dash). */
  public static String joinCode() {
    return random(CODE, 8);
  }

  /** A 32-character bearer token (about 190 bits). */
  public static String token() {
    return random(TOKEN, 32);
  }

  /** Constant-time equality; false when either is null. */
  public static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String random(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
