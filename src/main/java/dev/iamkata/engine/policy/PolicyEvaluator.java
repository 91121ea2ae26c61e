package dev.iamkata.engine.policy;

/**
 * Decides whether a request is allowed, following the IAM User Guide's "Policy evaluation logic"
 * for requests within one account and across accounts:
 *
 * <ol>
 *   <li>an explicit deny in any policy wins;
 *   <li>across accounts, the identity side (identity policies, and the boundary and session
 *       policies when present) and the resource-based policy must both allow;
 *   <li>within one account, a resource-based policy that names the caller itself (user, session, or
 *       everyone) allows on its own; one that names the role behind a session allows unless the
 *       boundary or a session policy lacks an allow; one that names only the account leaves the
 *       decision to the identity side;
 *   <li>otherwise the identity side must allow.
 * </ol>
 *
 * An Allow that does not apply is neutral: it never denies. Anything the parser could not read
 * never reaches this class, so nothing here grants by guessing.
 */
public final class PolicyEvaluator {
  private PolicyEvaluator() {}

  public static Decision evaluate(EvaluationInput input) {
    return decide(Layers.of(input, false));
  }

  /**
   * Decides as {@link #evaluate} does and also reports every statement that applied in each layer,
   * including those that did not decide (an Allow overruled by a Deny, say).
   */
  public static Explanation explain(EvaluationInput input) {
    Layers layers = Layers.of(input, false);
    return new Explanation(
        decide(layers),
        LayerMatches.of(layers.identity()),
        LayerMatches.of(layers.boundary()),
        LayerMatches.of(layers.session()),
        LayerMatches.of(layers.resource()),
        layers.crossAccount());
  }

  private static Decision decide(Layers layers) {
    return layers
        .explicitDeny()
        .orElseGet(() -> layers.crossAccount() ? bothSides(layers) : sameAccount(layers));
  }

  /**
   * Decides a role assumption with the role's trust policy as the resource-based policy. Unlike
   * {@link #evaluate}, the trust policy and the identity side must both allow even within one
   * account: trust policies must always name the principal, and the engine also requires the
   * caller's own permission to call STS. Services and web identity or SAML callers have no identity
   * policies, so for them the trust policy alone decides.
   */
  public static Decision evaluateTrust(EvaluationInput input) {
    Layers layers = Layers.of(input, true);
    return layers.explicitDeny().orElseGet(() -> bothSides(layers));
  }

  private static Decision bothSides(Layers layers) {
    return layers
        .identityGap()
        .map(layers::implicitDeny)
        .orElseGet(
            () ->
                layers.resource().allowed()
                    ? layers.allowed(
                        PolicyType.RESOURCE,
                        layers.resource(),
                        layers.identity(),
                        layers.boundary(),
                        layers.session())
                    : layers.implicitDeny(PolicyType.RESOURCE));
  }

  private static Decision sameAccount(Layers layers) {
    return switch (layers.resource().grant()) {
      case DIRECT -> layers.allowed(PolicyType.RESOURCE, layers.resource());
      case ROLE ->
          layers
              .limitGap()
              .map(layers::implicitDeny)
              .orElseGet(
                  () ->
                      layers.allowed(
                          PolicyType.RESOURCE,
                          layers.resource(),
                          layers.boundary(),
                          layers.session()));
      case ACCOUNT, NONE ->
          layers
              .identityGap()
              .map(layers::implicitDeny)
              .orElseGet(
                  () ->
                      layers.allowed(
                          PolicyType.IDENTITY,
                          layers.identity(),
                          layers.boundary(),
                          layers.session()));
    };
  }
}
