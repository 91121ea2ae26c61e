package dev.iamkata.engine.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Session tokens: {@link SessionClaims} sealed by the engine's {@link Sealer}. A token that does
 * not open is forged or from another engine, which the caller reports as {@code
 * InvalidClientTokenId}.
 */
public final class SessionTokens {
  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  private final Sealer sealer;

  public SessionTokens(Sealer sealer) {
    this.sealer = sealer;
  }

  public String seal(SessionClaims claims) {
    try {
      return sealer.seal(JSON.writeValueAsBytes(claims));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The claims inside {@code token}, or empty when this engine did not seal it. */
  public Optional<SessionClaims> open(String token) {
    return sealer
        .open(token)
        .flatMap(
            plain -> {
              try {
                return Optional.of(JSON.readValue(plain, SessionClaims.class));
              } catch (IOException e) {
                return Optional.empty();
              }
            });
  }
}
