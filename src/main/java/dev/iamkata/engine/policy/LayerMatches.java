package dev.iamkata.engine.policy;

import java.util.List;

/**
 * The statements of one policy layer that apply to a request, whatever the final decision.
 *
 * @param allows the applicable Allow statements, in policy and statement order
 * @param denies the applicable Deny statements, in policy and statement order
 */
public record LayerMatches(List<MatchedStatement> allows, List<MatchedStatement> denies) {
  public LayerMatches {
    allows = List.copyOf(allows);
    denies = List.copyOf(denies);
  }

  /** What this layer alone says: a Deny wins, then an Allow; nothing applicable is implicit. */
  public Decision.Outcome outcome() {
    if (!denies.isEmpty()) {
      return Decision.Outcome.EXPLICIT_DENY;
    }
    return allows.isEmpty() ? Decision.Outcome.IMPLICIT_DENY : Decision.Outcome.ALLOWED;
  }

  static LayerMatches of(LayerResult layer) {
    return new LayerMatches(layer.allows(), layer.denies());
  }
}
