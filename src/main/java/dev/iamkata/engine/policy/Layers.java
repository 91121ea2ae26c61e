package dev.iamkata.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every policy layer of one request, evaluated, with the facts the decision logic needs about them.
 */
record Layers(
    LayerResult identity,
    LayerResult boundary,
    LayerResult session,
    LayerResult resource,
    boolean hasBoundary,
    boolean sessionInEffect,
    boolean identityExempt,
    boolean crossAccount) {

  /**
   * @param trust true for a role assumption, where callers that are not AWS identities (services,
   *     web identity and SAML users) have no identity policies to evaluate
   */
  static Layers of(EvaluationInput input, boolean trust) {
    RequestContext context = input.context();
    boolean hasBoundary = input.permissionsBoundary().isPresent();
    PrincipalIdentity caller = context.principal();
    return new Layers(
        LayerResult.of(PolicyType.IDENTITY, input.identityPolicies(), context, hasBoundary),
        LayerResult.of(
            PolicyType.BOUNDARY, asList(input.permissionsBoundary()), context, hasBoundary),
        LayerResult.of(PolicyType.SESSION, input.sessionPolicies(), context, hasBoundary),
        LayerResult.of(PolicyType.RESOURCE, asList(input.resourcePolicy()), context, hasBoundary),
        hasBoundary,
        input.sessionPoliciesInEffect(),
        caller.type() == PrincipalIdentity.Type.ROOT || (trust && !isAwsIdentity(caller)),
        caller.account() != null && !caller.account().equals(input.resourceAccount()));
  }

  /**
   * An explicit deny in any layer, reported against the first of them in the order the IAM guide
   * lists them: resource-based policies, identity-based policies, boundaries, session policies.
   */
  Optional<Decision> explicitDeny() {
    List<MatchedStatement> denies = new ArrayList<>();
    for (LayerResult layer : new LayerResult[] {resource, identity, boundary, session}) {
      denies.addAll(layer.denies());
    }
    if (denies.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(decision(Decision.Outcome.EXPLICIT_DENY, denies.get(0).type(), denies));
  }

  /**
   * The first layer on the identity side that lacks an allow. The root user needs no identity
   * policy, since AWS grants it everything that nothing denies; nor, in a trust decision, does a
   * caller that is not an AWS identity.
   */
  Optional<PolicyType> identityGap() {
    if (!identityExempt && !identity.allowed()) {
      return Optional.of(PolicyType.IDENTITY);
    }
    return limitGap();
  }

  /** The boundary or session policy, when one is in effect and does not allow the request. */
  Optional<PolicyType> limitGap() {
    if (hasBoundary && !boundary.allowed()) {
      return Optional.of(PolicyType.BOUNDARY);
    }
    if (sessionInEffect && !session.allowed()) {
      return Optional.of(PolicyType.SESSION);
    }
    return Optional.empty();
  }

  Decision allowed(PolicyType by, LayerResult... granting) {
    List<MatchedStatement> statements = new ArrayList<>();
    for (LayerResult layer : granting) {
      statements.addAll(layer.allows());
    }
    return decision(Decision.Outcome.ALLOWED, by, statements);
  }

  Decision implicitDeny(PolicyType missing) {
    return decision(Decision.Outcome.IMPLICIT_DENY, missing, List.of());
  }

  private static List<SourcedPolicy> asList(Optional<SourcedPolicy> policy) {
    return policy.isPresent() ? List.of(policy.get()) : List.of();
  }

  private static boolean isAwsIdentity(PrincipalIdentity caller) {
    return switch (caller.type()) {
      case ROOT, USER, ASSUMED_ROLE -> true;
      case FEDERATED_USER -> caller.arn() != null;
      case SERVICE, ANONYMOUS -> false;
    };
  }

  private Decision decision(
      Decision.Outcome outcome, PolicyType type, List<MatchedStatement> statements) {
    return new Decision(outcome, type, statements, identityGap().isEmpty(), resource.allowed());
  }
}
