package dev.iamkata.engine.policy;

import java.util.List;

/**
 * Matches Principal and NotPrincipal elements against the caller. An account ID or root ARN names
 * every principal of the account; a role ARN names every session of the role; user, session and
 * federated-user ARNs name exactly that principal.
 */
final class PrincipalMatcher {
  private PrincipalMatcher() {}

  static PrincipalMatch match(Principals principals, PrincipalIdentity caller) {
    if (principals.wildcard()) {
      return PrincipalMatch.DIRECT;
    }
    PrincipalMatch best = PrincipalMatch.NONE;
    for (String entry : principals.aws()) {
      PrincipalMatch match = aws(entry, caller);
      best = match.compareTo(best) > 0 ? match : best;
    }
    boolean named =
        (caller.type() == PrincipalIdentity.Type.SERVICE
                && principals.service().stream()
                    .anyMatch(s -> s.equalsIgnoreCase(caller.service())))
            || (caller.type() == PrincipalIdentity.Type.FEDERATED_USER
                && listed(principals.federated(), caller.service()))
            || listed(principals.canonicalUser(), caller.userId());
    return named ? PrincipalMatch.DIRECT : best;
  }

  /**
   * Whether a NotPrincipal element spares the caller. AWS treats a request as coming from every
   * principal in the caller's chain (session, role, account), and spares it only when all of them
   * are listed: that is why the docs tell you to list a session's role and account too.
   */
  static boolean exempt(Principals listed, PrincipalIdentity caller) {
    if (listed.wildcard() || listed.aws().contains("*")) {
      return true;
    }
    boolean account = caller.account() != null && accountListed(listed.aws(), caller.account());
    boolean arn = listed(listed.aws(), caller.arn());
    return switch (caller.type()) {
      case ROOT -> account;
      case USER -> arn && account;
      case ASSUMED_ROLE -> arn && account && listed(listed.aws(), caller.roleArn());
      case FEDERATED_USER ->
          caller.arn() != null ? arn && account : listed(listed.federated(), caller.service());
      case SERVICE -> listed.service().stream().anyMatch(s -> s.equalsIgnoreCase(caller.service()));
      case ANONYMOUS -> false;
    };
  }

  private static PrincipalMatch aws(String entry, PrincipalIdentity caller) {
    if (entry.equals("*")) {
      return PrincipalMatch.DIRECT;
    }
    if (entry.equals(caller.arn())) {
      return PrincipalMatch.DIRECT;
    }
    if (caller.account() != null && accountListed(List.of(entry), caller.account())) {
      return PrincipalMatch.ACCOUNT;
    }
    boolean session = caller.type() == PrincipalIdentity.Type.ASSUMED_ROLE;
    boolean roleId = caller.userId() != null && caller.userId().startsWith(entry + ":");
    if (session && (entry.equals(caller.roleArn()) || roleId)) {
      return PrincipalMatch.ROLE;
    }
    boolean user = caller.type() == PrincipalIdentity.Type.USER;
    return user && entry.equals(caller.userId()) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
  }

  // Immutable lists refuse contains(null); a caller without the attribute is simply not listed.
  private static boolean listed(List<String> entries, String value) {
    return value != null && entries.contains(value);
  }

  private static boolean accountListed(List<String> entries, String account) {
    return entries.contains(account) || entries.contains("arn:aws:iam::" + account + ":root");
  }
}
