package dev.iamkata.engine.lambda;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.auth.SessionClaims;

/**
 * Makes the caller behind the calls a function makes from its role session's claims, as the
 * authenticator would for requests signed with those credentials.
 */
@FunctionalInterface
public interface SessionCallers {
  Caller caller(SessionClaims claims, String region, String sourceIp);
}
