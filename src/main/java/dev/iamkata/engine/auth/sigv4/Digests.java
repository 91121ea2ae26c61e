package dev.iamkata.engine.auth.sigv4;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256, with one {@link MessageDigest} and one {@link Mac} per thread. Looking
 * them up with {@code getInstance} walks the security providers on every call, several times per
 * signed request; an instance is not thread-safe, so each thread keeps its own and resets it before
 * use.
 */
final class Digests {
  private static final String HMAC = "HmacSHA256";
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every JRE ships SHA-256", e);
            }
          });
  private static final ThreadLocal<Mac> HMAC_SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance(HMAC);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("every JRE ships HmacSHA256", e);
            }
          });

  private Digests() {}

  /** SHA-256 of {@code length} bytes of {@code data} from {@code offset}. */
  static byte[] sha256(byte[] data, int offset, int length) {
    MessageDigest md = SHA256.get();
    md.reset(); // digest() resets too; this covers a caller interrupted between update and digest
    md.update(data, offset, length);
    return md.digest();
  }

  /** HMAC-SHA256 of {@code data} under {@code key}; init replaces any earlier key and state. */
  static byte[] hmac(byte[] key, byte[] data) {
    Mac mac = HMAC_SHA256.get();
    try {
      mac.init(new SecretKeySpec(key, HMAC));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 takes a key of any length", e);
    }
    return mac.doFinal(data);
  }
}
