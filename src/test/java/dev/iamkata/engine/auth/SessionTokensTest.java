package dev.iamkata.engine.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
  static final SessionClaims CLAIMS =
      new SessionClaims(
          "ASIAAAAAAAAAAAAAAAAA",
          "s".repeat(40),
          "123456789012",
          SessionClaims.Kind.ROLE,
          "dev-role",
          "AROAAAAAAAAAAAAAAAAAA",
          "dev-session",
          Instant.parse("2026-11-23T10:00:00Z"),
          Instant.parse("2026-11-23T11:00:00Z"),
          List.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}"),
          List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
          "alice",
          Map.of("team", "kata"),
          true,
          List.of("team"),
          Instant.parse("2026-11-23T09:59:30Z"));

  @Test
  void claimsRoundTrip() {
    SessionTokens tokens = new SessionTokens(new Sealer(Sealer.newKey()));
    assertEquals(CLAIMS, tokens.open(tokens.seal(CLAIMS)).orElseThrow());
  }

  @Test
  void tokensAreOpaque() {
    String token = new SessionTokens(new Sealer(Sealer.newKey())).seal(CLAIMS);
    String decoded =
        new String(Base64.getDecoder().decode(token), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertFalse(decoded.contains("dev-role"));
    assertFalse(decoded.contains(CLAIMS.secretAccessKey()));
  }

  @Test
  void anyChangedByteOrAnotherEnginesKeyFailsToOpen() {
    SessionTokens tokens = new SessionTokens(new Sealer(Sealer.newKey()));
    byte[] raw = Base64.getDecoder().decode(tokens.seal(CLAIMS));
    for (int i = 0; i < raw.length; i += 7) {
      byte[] copy = raw.clone();
      copy[i] ^= 1;
      assertTrue(tokens.open(Base64.getEncoder().encodeToString(copy)).isEmpty(), "byte " + i);
    }
    SessionTokens other = new SessionTokens(new Sealer(Sealer.newKey()));
    assertTrue(other.open(tokens.seal(CLAIMS)).isEmpty());
    assertTrue(tokens.open("not base64 at all!").isEmpty());
    assertTrue(tokens.open("").isEmpty());
  }
}
