package dev.iamkata.engine.policy;

import java.util.Objects;

/**
 * A decision together with every statement that applied to the request, layer by layer: what the
 * IAM policy simulator reports beside its decision.
 *
 * @param decision the decision, exactly as {@link PolicyEvaluator#evaluate} makes it
 * @param identity the identity-based policies' applicable statements
 * @param boundary the permissions boundary's
 * @param session the session policies'
 * @param resource the resource-based policy's (only statements that also name the caller)
 * @param crossAccount true when the caller's account is not the resource's
 */
public record Explanation(
    Decision decision,
    LayerMatches identity,
    LayerMatches boundary,
    LayerMatches session,
    LayerMatches resource,
    boolean crossAccount) {
  public Explanation {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(boundary, "boundary");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(resource, "resource");
  }
}
