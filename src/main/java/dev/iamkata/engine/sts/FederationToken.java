package dev.iamkata.engine.sts;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.api.Validation;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.auth.SessionClaims;
import dev.iamkata.engine.auth.SessionTokens;
import dev.iamkata.engine.iam.PolicyValidator;
import dev.iamkata.engine.state.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sts.model.FederatedUser;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/**
 * STS GetFederationToken: a federated user session for an IAM user (or root), whose permissions are
 * the user's narrowed by the session policies passed here; without any, the session may do nothing.
 * The caller needs {@code sts:GetFederationToken} on the federated user's ARN, which the routing
 * table authorizes.
 */
final class FederationToken {
  private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]*");

  private final PolicyValidator validator;
  private final SessionTokens tokens;

  FederationToken(PolicyValidator validator, SessionTokens tokens) {
    this.validator = validator;
    this.tokens = tokens;
  }

  /** The ARN the caller must be allowed {@code sts:GetFederationToken} on. */
  static String federatedUserArn(Caller caller, String name) {
    return "arn:aws:sts::" + caller.account() + ":federated-user/" + name;
  }

  GetFederationTokenResponse getFederationToken(Caller caller, GetFederationTokenRequest r) {
    if (caller.session() != null) {
      throw new AwsException(
          AwsError.ACCESS_DENIED, "Cannot call GetFederationToken with session credentials");
    }
    new Validation()
        .required("name", r.name())
        .length("name", r.name(), 2, 32)
        .pattern("name", r.name(), NAME)
        .range("durationSeconds", r.durationSeconds(), 900, 129600)
        .length("policy", r.policy(), 1, 2048)
        .check();
    List<String> policies = r.policy() == null ? List.of() : List.of(r.policy());
    policies.forEach(p -> validator.validate(p, false));
    List<String> policyArns = r.policyArns().stream().map(PolicyDescriptorType::arn).toList();
    Map<String, String> tags = new LinkedHashMap<>();
    r.tags().forEach(t -> tags.put(t.key(), t.value()));
    boolean root = caller.type() == Caller.Type.ROOT;
    int requested = r.durationSeconds() == null ? 43200 : r.durationSeconds();
    // root's federation sessions are capped at one hour
    int seconds = root ? Math.min(requested, 3600) : requested;
    Instant now = caller.time().truncatedTo(ChronoUnit.SECONDS);
    SessionClaims claims =
        new SessionClaims(
            Ids.sessionKeyId(),
            Ids.secret(),
            caller.account(),
            SessionClaims.Kind.FEDERATED,
            caller.name(),
            caller.userId(),
            r.name(),
            now,
            now.plus(Duration.ofSeconds(seconds)),
            policies,
            policyArns,
            null,
            tags,
            false,
            List.of(),
            null);
    GetFederationTokenResponse.Builder out =
        GetFederationTokenResponse.builder()
            .credentials(AssumeRole.credentials(tokens, claims))
            .federatedUser(
                FederatedUser.builder()
                    .federatedUserId(caller.account() + ":" + r.name())
                    .arn(federatedUserArn(caller, r.name()))
                    .build());
    if (claims.hasSessionPolicies() || !tags.isEmpty()) {
      out.packedPolicySize(AssumeRole.packedPercent(policies, policyArns, tags));
    }
    return out.build();
  }
}
