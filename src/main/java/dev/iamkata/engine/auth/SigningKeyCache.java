package dev.iamkata.engine.auth;

import dev.iamkata.engine.auth.sigv4.SigV4;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derived SigV4 signing keys by (secret, date, region, service): four HMACs saved per request for a
 * client that keeps signing with the same key on the same day. Bounded by clearing, since keys are
 * cheap to derive again.
 */
final class SigningKeyCache {
  private static final int MAX_ENTRIES = 4096;

  private record Scope(String secret, String date, String region, String service) {}

  private final Map<Scope, byte[]> keys = new ConcurrentHashMap<>();

  byte[] get(String secret, String date, String region, String service) {
    if (keys.size() > MAX_ENTRIES) {
      keys.clear();
    }
    return keys.computeIfAbsent(
        new Scope(secret, date, region, service),
        s -> SigV4.signingKey(s.secret(), s.date(), s.region(), s.service()));
  }
}
