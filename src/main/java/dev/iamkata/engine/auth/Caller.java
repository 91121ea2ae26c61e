package dev.iamkata.engine.auth;

import java.time.Instant;

/**
 * The authenticated principal behind one request, in the forms IAM and STS need: its ARN, its
 * unique ID as GetCallerIdentity shows it, and the session it came from, if any.
 *
 * @param type who is calling
 * @param account the 12-digit account of the principal
 * @param arn {@code arn:aws:iam::A:user/path/name}, {@code arn:aws:sts::A:assumed-role/R/S} or
 *     {@code arn:aws:iam::A:root}
 * @param userId {@code AIDA…}, {@code AROA…:session} or the account ID for root
 * @param name the user name, the role name for a role session, or the federating user's name
 * @param accessKeyId the key that signed the request
 * @param session the claims of temporary credentials, or null for a long-term key
 * @param region the region from the signature's credential scope
 * @param sourceIp the caller's address, for {@code aws:SourceIp}
 * @param time when the engine's clock says the request arrived
 */
public record Caller(
    Type type,
    String account,
    String arn,
    String userId,
    String name,
    String accessKeyId,
    SessionClaims session,
    String region,
    String sourceIp,
    Instant time) {

  /** The principal types the engine authenticates. */
  public enum Type {
    ROOT,
    USER,
    ASSUMED_ROLE,
    FEDERATED_USER
  }

  /** The role session name for {@link Type#ASSUMED_ROLE}, else null. */
  public String sessionName() {
    return session == null ? null : session.sessionName();
  }
}
