package dev.iamkata.engine.sts;

import dev.iamkata.engine.auth.SessionClaims;
import dev.iamkata.engine.auth.SessionTokens;
import dev.iamkata.engine.authz.ParsedPolicies;
import dev.iamkata.engine.cloudtrail.Trail;
import dev.iamkata.engine.policy.EvaluationInput;
import dev.iamkata.engine.policy.PolicyEvaluator;
import dev.iamkata.engine.policy.PolicyKind;
import dev.iamkata.engine.policy.PolicyType;
import dev.iamkata.engine.policy.PrincipalIdentity;
import dev.iamkata.engine.policy.RequestContext;
import dev.iamkata.engine.policy.SourcedPolicy;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.Ids;
import dev.iamkata.engine.state.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Role sessions that an AWS service (Lambda, EC2) opens for a resource it runs: the role's trust
 * policy must let the service principal assume it, and the session is named after the resource (the
 * function name, the instance ID), as AWS names them. The result is an ordinary role session: its
 * token is sealed like AssumeRole's, so requests signed with it are authenticated and authorized
 * like any other.
 */
public final class ServiceSessions {
  private final EngineState state;
  private final ParsedPolicies parsed;
  private final SessionTokens tokens;
  private final Trail trail;

  /**
   * @param trail records each session's AssumeRole by the service
   */
  public ServiceSessions(
      EngineState state, ParsedPolicies parsed, SessionTokens tokens, Trail trail) {
    this.state = state;
    this.parsed = parsed;
    this.tokens = tokens;
    this.trail = trail;
  }

  /** The role named by {@code roleArn}, if it exists with exactly that ARN. */
  public Optional<Role> role(String roleArn) {
    String[] parts = roleArn == null ? new String[0] : roleArn.split(":", 6);
    if (parts.length != 6 || !parts[5].startsWith("role/")) {
      return Optional.empty();
    }
    String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    return state.read(
        () ->
            state
                .account(parts[4])
                .map(a -> a.roles.get(Account.key(name)))
                .filter(r -> r.arn.equals(roleArn)));
  }

  /** Whether {@code role}'s trust policy lets {@code servicePrincipal} call sts:AssumeRole. */
  public boolean trusts(Role role, String servicePrincipal) {
    String trustJson = state.read(() -> role.assumeRolePolicy);
    SourcedPolicy trust =
        new SourcedPolicy(role.arn, PolicyType.RESOURCE, parsed.parse(trustJson, PolicyKind.TRUST));
    return PolicyEvaluator.evaluateTrust(
            EvaluationInput.builder(
                    RequestContext.of(
                        "sts:AssumeRole", role.arn, PrincipalIdentity.service(servicePrincipal)))
                .resourcePolicy(trust)
                .build())
        .allowed();
  }

  /**
   * Opens a session of {@code role} for {@code servicePrincipal}, named {@code sessionName}, valid
   * from {@code now} for {@code duration}, and records the service's AssumeRole in CloudTrail; the
   * caller has checked {@link #trusts}.
   */
  public SessionClaims open(
      Role role,
      String servicePrincipal,
      String sessionName,
      String region,
      Instant now,
      Duration duration) {
    Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
    String account = role.arn.split(":")[4];
    SessionClaims claims =
        new SessionClaims(
            Ids.sessionKeyId(),
            Ids.secret(),
            account,
            SessionClaims.Kind.ROLE,
            role.name,
            role.id,
            sessionName,
            issued,
            issued.plus(duration),
            List.of(),
            List.of(),
            null,
            Map.of(),
            false,
            List.of(),
            null);
    trail.recordServiceAssumeRole(servicePrincipal, role.arn, claims, region, Ids.requestId());
    return claims;
  }

  /** The credentials of a session, with its sealed token, in STS's shape. */
  public Credentials credentials(SessionClaims claims) {
    return AssumeRole.credentials(tokens, claims);
  }
}
