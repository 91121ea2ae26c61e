package dev.iamkata.engine.policy;

import java.util.Map;
import java.util.Objects;

/**
 * The caller as policies see it: what a {@code Principal} element is matched against and where the
 * principal's global condition keys come from. Fields that do not apply to a type are null.
 *
 * @param type what kind of principal is calling
 * @param account the caller's 12-digit account; null for services and anonymous callers
 * @param arn {@code arn:aws:iam::A:root}, {@code arn:aws:iam::A:user/path/name}, {@code
 *     arn:aws:sts::A:assumed-role/role/session} or {@code arn:aws:sts::A:federated-user/name}
 * @param userId {@code aws:userid}: the account for root, {@code AIDA…} for users, {@code
 *     AROA…:session} for role sessions, {@code account:name} for federated users
 * @param username the IAM user name, for users only
 * @param roleArn for role sessions, the role's own ARN with its path: {@code
 *     arn:aws:iam::A:role/path/name}
 * @param service for {@link Type#SERVICE}, the service principal ({@code lambda.amazonaws.com});
 *     for a {@link Type#FEDERATED_USER} signed in through web identity or SAML, the identity
 *     provider that a {@code Federated} principal names
 * @param tags the principal's tags (for a role session: session tags over role tags)
 */
public record PrincipalIdentity(
    Type type,
    String account,
    String arn,
    String userId,
    String username,
    String roleArn,
    String service,
    Map<String, String> tags) {

  /** The kinds of caller. */
  public enum Type {
    ROOT,
    USER,
    ASSUMED_ROLE,
    FEDERATED_USER,
    SERVICE,
    ANONYMOUS
  }

  public PrincipalIdentity {
    Objects.requireNonNull(type, "type");
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  /** The account's root user. */
  public static PrincipalIdentity root(String account) {
    return new PrincipalIdentity(
        Type.ROOT, account, "arn:aws:iam::" + account + ":root", account, null, null, null, null);
  }

  /**
   * An IAM user.
   *
   * @param userArn {@code arn:aws:iam::A:user/path/name}; account and name are read from it
   */
  public static PrincipalIdentity user(String userArn, String userId, Map<String, String> tags) {
    String name = userArn.substring(userArn.lastIndexOf('/') + 1);
    return new PrincipalIdentity(
        Type.USER, accountOf(userArn), userArn, userId, name, null, null, tags);
  }

  /**
   * A session of an IAM role. The session ARN carries the role name without its path, as STS writes
   * it.
   *
   * @param roleArn {@code arn:aws:iam::A:role/path/name}
   * @param roleId the role's {@code AROA…} unique ID
   */
  public static PrincipalIdentity assumedRole(
      String roleArn, String roleId, String sessionName, Map<String, String> tags) {
    String account = accountOf(roleArn);
    String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    String sessionArn = "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName;
    return new PrincipalIdentity(
        Type.ASSUMED_ROLE,
        account,
        sessionArn,
        roleId + ":" + sessionName,
        null,
        roleArn,
        null,
        tags);
  }

  /** A federated user session from {@code GetFederationToken}. */
  public static PrincipalIdentity federatedUser(String account, String name) {
    return new PrincipalIdentity(
        Type.FEDERATED_USER,
        account,
        "arn:aws:sts::" + account + ":federated-user/" + name,
        account + ":" + name,
        null,
        null,
        null,
        null);
  }

  /** A caller signed in through a web identity or SAML provider, before it holds a role. */
  public static PrincipalIdentity identityProvider(String provider) {
    return new PrincipalIdentity(Type.FEDERATED_USER, null, null, null, null, null, provider, null);
  }

  /** An AWS service acting as a service principal. */
  public static PrincipalIdentity service(String servicePrincipal) {
    return new PrincipalIdentity(
        Type.SERVICE, null, null, null, null, null, servicePrincipal, null);
  }

  /** An unauthenticated caller. */
  public static PrincipalIdentity anonymous() {
    return new PrincipalIdentity(Type.ANONYMOUS, null, null, "anonymous", null, null, null, null);
  }

  private static String accountOf(String arn) {
    return arn.split(":", 6)[4];
  }
}
