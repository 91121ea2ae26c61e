package dev.iamkata.engine.cloudtrail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.auth.SessionClaims;

/**
 * The {@code userIdentity} element of a CloudTrail record, in the shapes CloudTrail uses for IAM
 * users, role sessions (with the role as {@code sessionIssuer}), federated users and root.
 */
final class UserIdentity {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private UserIdentity() {}

  static ObjectNode of(Caller caller) {
    ObjectNode identity = NODES.objectNode();
    identity.put(
        "type",
        switch (caller.type()) {
          case USER -> "IAMUser";
          case ASSUMED_ROLE -> "AssumedRole";
          case FEDERATED_USER -> "FederatedUser";
          case ROOT -> "Root";
        });
    identity.put("principalId", caller.userId());
    identity.put("arn", caller.arn());
    identity.put("accountId", caller.account());
    identity.put("accessKeyId", caller.accessKeyId());
    if (caller.type() == Caller.Type.USER) {
      identity.put("userName", caller.name());
    }
    SessionClaims session = caller.session();
    if (session != null) {
      ObjectNode context = identity.putObject("sessionContext");
      if (session.kind() == SessionClaims.Kind.ROLE
          || session.kind() == SessionClaims.Kind.FEDERATED) {
        boolean role = session.kind() == SessionClaims.Kind.ROLE;
        ObjectNode issuer = context.putObject("sessionIssuer");
        issuer.put("type", role ? "Role" : "IAMUser");
        issuer.put("principalId", session.principalId());
        issuer.put(
            "arn",
            "arn:aws:iam::"
                + caller.account()
                + (role ? ":role/" : ":user/")
                + session.principalName());
        issuer.put("accountId", caller.account());
        issuer.put("userName", session.principalName());
      }
      ObjectNode attributes = context.putObject("attributes");
      attributes.put("creationDate", session.issued().toString());
      attributes.put("mfaAuthenticated", "false");
      if (session.sourceIdentity() != null) {
        context.put("sourceIdentity", session.sourceIdentity());
      }
    }
    return identity;
  }
}
