package dev.iamkata.engine.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption (AES-GCM) under the engine's key, for everything the engine hands out
 * that it must later trust again without keeping a copy: session tokens and encoded authorization
 * failure messages. Any changed byte fails to open.
 */
public final class Sealer {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  /** Uses a 32-byte AES key; the engine keeps it in its state so snapshots keep tokens valid. */
  public Sealer(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the engine key must be 32 bytes");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** A fresh random key. */
  public static byte[] newKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  /** Base64 of IV and ciphertext. */
  public String seal(byte[] plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain);
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal", e);
    }
  }

  /** The plain bytes, or empty when {@code sealed} was not sealed under this key. */
  public Optional<byte[]> open(String sealed) {
    try {
      byte[] raw = Base64.getDecoder().decode(sealed);
      if (raw.length <= IV_BYTES) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
      return Optional.of(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }
}
