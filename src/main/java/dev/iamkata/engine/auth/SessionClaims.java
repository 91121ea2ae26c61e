package dev.iamkata.engine.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session token carries: the temporary key pair, whose session it is and until when. The
 * engine seals it into the token itself (see {@link SessionTokens}), so no table of sessions grows
 * while learners assume roles again and again.
 *
 * @param kind {@code ROLE} for AssumeRole sessions, {@code USER} or {@code ROOT} for
 *     GetSessionToken, {@code FEDERATED} for GetFederationToken
 * @param principalName the role name for {@code ROLE}, the user name for {@code USER} and the
 *     federating user for {@code FEDERATED}, null for {@code ROOT}
 * @param sessionName the role session name, or the federated user's name
 * @param principalId the role's {@code AROA…} or the user's {@code AIDA…} ID
 * @param sessionPolicies inline session policy documents (JSON) passed to AssumeRole
 * @param policyArns managed policies passed as session policies
 * @param chained true when a role session assumed this role (role chaining)
 * @param transitiveTagKeys the keys of {@code tags} that pass on to sessions chained from this one
 *     (AssumeRole's {@code TransitiveTagKeys}, plus those this session inherited)
 * @param mfaAuthenticated when the caller proved an MFA code for this session (directly, or for the
 *     session it was made from), or null without MFA; {@code aws:MultiFactorAuthAge} counts from it
 */
public record SessionClaims(
    String accessKeyId,
    String secretAccessKey,
    String account,
    Kind kind,
    String principalName,
    String principalId,
    String sessionName,
    Instant issued,
    Instant expiration,
    List<String> sessionPolicies,
    List<String> policyArns,
    String sourceIdentity,
    Map<String, String> tags,
    boolean chained,
    List<String> transitiveTagKeys,
    Instant mfaAuthenticated) {

  /** The kinds of temporary credentials the engine issues. */
  public enum Kind {
    ROLE,
    USER,
    ROOT,
    FEDERATED
  }

  public SessionClaims {
    sessionPolicies = sessionPolicies == null ? List.of() : List.copyOf(sessionPolicies);
    policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    transitiveTagKeys = transitiveTagKeys == null ? List.of() : List.copyOf(transitiveTagKeys);
  }

  /** The tags, with their values, that a session chained from this one inherits. */
  public Map<String, String> transitiveTags() {
    Map<String, String> out = new LinkedHashMap<>();
    transitiveTagKeys.forEach(k -> out.put(k, tags.get(k)));
    return out;
  }

  /** True when AssumeRole was given session policies, which then bound the session. */
  public boolean hasSessionPolicies() {
    return !sessionPolicies.isEmpty() || !policyArns.isEmpty();
  }
}
