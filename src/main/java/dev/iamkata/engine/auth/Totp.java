package dev.iamkata.engine.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them and virtual MFA apps compute them:
 * HMAC-SHA1 over the 30-second step number, dynamically truncated to six digits. Pure: the time is
 * always passed in (the engine's virtual clock), never read here. Seeds travel as RFC 4648 Base32,
 * the form IAM's {@code Base32StringSeed} has.
 */
public final class Totp {
  /** The length of a time step, in seconds. */
  public static final long STEP_SECONDS = 30;

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** The step number {@code time} falls in. */
  public static long step(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  /** The six-digit code of {@code base32Seed} at {@code time}. */
  public static String code(String base32Seed, Instant time) {
    return codeAt(decode(base32Seed), step(time), 6);
  }

  /** The six-digit code of {@code base32Seed} for step {@code step}. */
  public static String codeAtStep(String base32Seed, long step) {
    return codeAt(decode(base32Seed), step, 6);
  }

  /** The code of {@code key} for step {@code step}, {@code digits} long (RFC 4226 section 5.3). */
  static String codeAt(byte[] key, long step, int digits) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JRE", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    int modulus = (int) Math.pow(10, digits);
    String code = Integer.toString(binary % modulus);
    return "0".repeat(digits - code.length()) + code;
  }

  /**
   * A fresh random seed, Base32 without padding: 40 bytes give the 64 characters of IAM's seeds.
   */
  public static String newSeed() {
    byte[] key = new byte[40];
    RANDOM.nextBytes(key);
    return encode(key);
  }

  /** RFC 4648 Base32 of {@code data}, upper case, without padding. */
  static String encode(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /**
   * The key a Base32 seed spells. Case, spaces and padding are ignored, as authenticator apps do.
   *
   * @throws IllegalArgumentException for a character outside the Base32 alphabet
   */
  public static byte[] decode(String base32) {
    String clean = base32.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = ALPHABET.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not a Base32 seed: " + c);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }

  /** The seed as bytes of its Base32 text, the form IAM's blob member carries. */
  public static byte[] seedBytes(String base32Seed) {
    return base32Seed.getBytes(StandardCharsets.US_ASCII);
  }
}
