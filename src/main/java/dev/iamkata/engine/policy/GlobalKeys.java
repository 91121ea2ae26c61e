package dev.iamkata.engine.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global condition keys AWS derives from the principal, so callers never have to pass them.
 * Values follow the IAM global-keys reference: {@code aws:PrincipalArn} of a role session is the
 * role's ARN, {@code aws:username} exists for IAM users only.
 */
final class GlobalKeys {
  private GlobalKeys() {}

  static Map<String, List<String>> of(PrincipalIdentity principal) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    put(keys, "aws:PrincipalType", principalType(principal.type()));
    put(keys, "aws:PrincipalAccount", principal.account());
    put(keys, "aws:PrincipalArn", principalArn(principal));
    put(keys, "aws:userid", principal.userId());
    if (principal.type() == PrincipalIdentity.Type.USER) {
      put(keys, "aws:username", principal.username());
    }
    boolean isService = principal.type() == PrincipalIdentity.Type.SERVICE;
    put(keys, "aws:PrincipalIsAWSService", Boolean.toString(isService));
    if (isService) {
      put(keys, "aws:PrincipalServiceName", principal.service());
    }
    principal.tags().forEach((tag, value) -> put(keys, "aws:PrincipalTag/" + tag, value));
    return keys;
  }

  private static String principalType(PrincipalIdentity.Type type) {
    return switch (type) {
      case ROOT -> "Account";
      case USER -> "User";
      case ASSUMED_ROLE -> "AssumedRole";
      case FEDERATED_USER -> "FederatedUser";
      case ANONYMOUS -> "Anonymous";
      case SERVICE -> null;
    };
  }

  private static String principalArn(PrincipalIdentity principal) {
    return principal.type() == PrincipalIdentity.Type.ASSUMED_ROLE
        ? principal.roleArn()
        : principal.arn();
  }

  private static void put(Map<String, List<String>> keys, String key, String value) {
    if (value != null) {
      keys.put(key, List.of(value));
    }
  }
}
