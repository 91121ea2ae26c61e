package dev.iamkata.engine.authz;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.policy.MalformedPolicyException;
import dev.iamkata.engine.policy.Policy;
import dev.iamkata.engine.policy.PolicyKind;
import dev.iamkata.engine.policy.PolicyParser;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses policy documents once: the state keeps documents as the text the caller sent, and every
 * request would otherwise parse the same JSON again. Also the engine's write-time validator,
 * turning parser complaints into {@code MalformedPolicyDocument}.
 */
public final class ParsedPolicies {
  private static final int MAX_ENTRIES = 10_000;

  private record Key(String json, PolicyKind kind) {}

  private final Map<Key, Policy> cache = new ConcurrentHashMap<>();

  /** The parsed document; throws {@code MalformedPolicyDocument} when it is not valid. */
  public Policy parse(String json, PolicyKind kind) {
    Policy cached = cache.get(new Key(json, kind));
    if (cached != null) {
      return cached;
    }
    Policy parsed;
    try {
      parsed = PolicyParser.parse(json, kind);
    } catch (MalformedPolicyException e) {
      throw new AwsException(AwsError.MALFORMED_POLICY_DOCUMENT, e.getMessage());
    }
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(new Key(json, kind), parsed);
    return parsed;
  }

  /** Validates a document about to be stored: a trust policy or an identity-based policy. */
  public void validate(String json, boolean trustPolicy) {
    parse(json, trustPolicy ? PolicyKind.TRUST : PolicyKind.IDENTITY);
  }
}
