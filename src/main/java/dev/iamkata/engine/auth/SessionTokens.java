package dev.iamkata.engine.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals {@link SessionClaims} into an opaque session token with AES-GCM under the engine's key, and
 * opens it again. The GCM tag makes a token unforgeable: any changed byte fails to open, which the
 * caller reports as {@code InvalidClientTokenId}.
 */
public final class SessionTokens {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  /** Uses a 32-byte AES key; the engine keeps it in its state so snapshots keep tokens valid. */
  public SessionTokens(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("session key must be 32 bytes");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** A fresh random key. */
  public static byte[] newKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  public String seal(SessionClaims claims) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(claims));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot seal a session token", e);
    }
  }

  /** The claims inside {@code token}, or empty when it was not sealed by this engine. */
  public Optional<SessionClaims> open(String token) {
    try {
      byte[] raw = Base64.getDecoder().decode(token);
      if (raw.length <= IV_BYTES) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
      byte[] plain = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
      return Optional.of(JSON.readValue(plain, SessionClaims.class));
    } catch (IllegalArgumentException | GeneralSecurityException | IOException e) {
      return Optional.empty();
    }
  }
}
