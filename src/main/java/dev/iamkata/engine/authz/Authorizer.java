package dev.iamkata.engine.authz;

import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.api.Denial;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.policy.Decision;
import dev.iamkata.engine.policy.EvaluationInput;
import dev.iamkata.engine.policy.PolicyEvaluator;
import dev.iamkata.engine.policy.PolicyKind;
import dev.iamkata.engine.policy.PolicyType;
import dev.iamkata.engine.policy.RequestContext;
import dev.iamkata.engine.policy.SourcedPolicy;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "may this caller do this?" for the engine: gathers the caller's policies from the state
 * ({@link CallerPolicies}), adds the request's context keys, asks the pure {@link PolicyEvaluator}
 * and turns a denial into AWS's AccessDenied message.
 */
public final class Authorizer {
  private final EngineState state;
  private final ParsedPolicies parsed;

  public Authorizer(EngineState state, ParsedPolicies parsed) {
    this.state = state;
    this.parsed = parsed;
  }

  /** Throws AccessDenied unless the caller's policies allow {@code action} on {@code resource}. */
  public void authorize(Caller caller, String action, String resource) {
    authorize(caller, action, resource, Map.of());
  }

  /** As {@link #authorize(Caller, String, String)}, with request-specific condition keys. */
  public void authorize(
      Caller caller, String action, String resource, Map<String, List<String>> keys) {
    Decision decision =
        state.read(
            () -> {
              CallerPolicies policies = CallerPolicies.of(caller, state, parsed);
              return PolicyEvaluator.evaluate(
                  input(policies, context(caller, policies, action, resource, keys)).build());
            });
    if (!decision.allowed()) {
      throw denied(caller, action, resource, decision.reason(action));
    }
  }

  /**
   * As {@link #authorize(Caller, String, String, Map)} for a resource that may carry a
   * resource-based policy (an S3 bucket policy) and belongs to {@code resourceAccount}: within the
   * account either side may grant; across accounts both must.
   *
   * @param resourcePolicy the policy document, or null when the resource has none
   */
  public void authorize(
      Caller caller,
      String action,
      String resource,
      Map<String, List<String>> keys,
      String resourcePolicy,
      String resourcePolicyId,
      String resourceAccount) {
    Decision decision =
        state.read(
            () -> {
              CallerPolicies policies = CallerPolicies.of(caller, state, parsed);
              EvaluationInput.Builder input =
                  input(policies, context(caller, policies, action, resource, keys))
                      .resourceAccount(resourceAccount);
              if (resourcePolicy != null) {
                input.resourcePolicy(
                    new SourcedPolicy(
                        resourcePolicyId,
                        PolicyType.RESOURCE,
                        parsed.parse(resourcePolicy, PolicyKind.RESOURCE)));
              }
              return PolicyEvaluator.evaluate(input.build());
            });
    if (!decision.allowed()) {
      throw denied(caller, action, resource, decision.reason(action));
    }
  }

  /** Whether {@link #authorize(Caller, String, String, Map, String, String, String)} would pass. */
  public boolean allowed(
      Caller caller,
      String action,
      String resource,
      String resourcePolicy,
      String resourcePolicyId,
      String resourceAccount) {
    try {
      authorize(
          caller, action, resource, Map.of(), resourcePolicy, resourcePolicyId, resourceAccount);
      return true;
    } catch (AwsException e) {
      return false;
    }
  }

  /**
   * Checks a role assumption: the caller's own policies and the role's trust policy must both allow
   * {@code sts:AssumeRole} and each of {@code extraActions} ({@code sts:TagSession}, {@code
   * sts:SetSourceIdentity}). A role that does not exist is denied in the same words, as STS does.
   */
  public void authorizeAssumeRole(
      Caller caller,
      String roleArn,
      Optional<Role> role,
      Map<String, List<String>> keys,
      List<String> extraActions) {
    List<String> actions = new ArrayList<>();
    actions.add("sts:AssumeRole");
    actions.addAll(extraActions);
    for (String action : actions) {
      if (role.isEmpty()) {
        throw denied(caller, action, roleArn, "");
      }
      Decision decision =
          state.read(
              () -> {
                CallerPolicies policies = CallerPolicies.of(caller, state, parsed);
                SourcedPolicy trust =
                    new SourcedPolicy(
                        roleArn,
                        PolicyType.RESOURCE,
                        parsed.parse(role.get().assumeRolePolicy, PolicyKind.TRUST));
                return PolicyEvaluator.evaluateTrust(
                    input(policies, context(caller, policies, action, roleArn, keys))
                        .resourcePolicy(trust)
                        .build());
              });
      if (!decision.allowed()) {
        throw denied(caller, action, roleArn, "");
      }
    }
  }

  private static EvaluationInput.Builder input(CallerPolicies policies, RequestContext context) {
    EvaluationInput.Builder input =
        EvaluationInput.builder(context)
            .identityPolicies(policies.identityPolicies())
            .permissionsBoundary(policies.boundary());
    if (policies.sessionPolicies() != null) {
      input.sessionPolicies(policies.sessionPolicies());
    }
    return input;
  }

  private static RequestContext context(
      Caller caller,
      CallerPolicies policies,
      String action,
      String resource,
      Map<String, List<String>> keys) {
    RequestContext.Builder context =
        RequestContext.builder(action, resource, policies.identity())
            .key("aws:CurrentTime", caller.time().toString())
            .key("aws:EpochTime", String.valueOf(caller.time().getEpochSecond()))
            .key("aws:SecureTransport", "false")
            .key("aws:RequestedRegion", caller.region());
    if (caller.sourceIp() != null) {
      context.key("aws:SourceIp", caller.sourceIp());
    }
    if (caller.session() != null) {
      // temporary credentials say whether MFA made them; long-term keys carry no such key
      Instant mfa = caller.session().mfaAuthenticated();
      context.key("aws:MultiFactorAuthPresent", String.valueOf(mfa != null));
      if (mfa != null) {
        long age = Math.max(0, Duration.between(mfa, caller.time()).getSeconds());
        context.key("aws:MultiFactorAuthAge", String.valueOf(age));
      }
      context.key("aws:TokenIssueTime", caller.session().issued().toString());
      if (caller.session().sourceIdentity() != null) {
        context.key("aws:SourceIdentity", caller.session().sourceIdentity());
      }
    }
    keys.forEach(context::key);
    return context.build();
  }

  private static AwsException denied(Caller caller, String action, String resource, String why) {
    return new AwsException(new Denial(caller.arn(), action, resource, why));
  }
}
