package dev.iamkata.engine.policy;

import java.util.Objects;

/**
 * A policy together with where it came from, so a decision can say which statement decided it.
 *
 * @param sourceId names the policy, for example {@code arn:aws:iam::aws:policy/ReadOnlyAccess} or
 *     {@code user/dev-user/inline/assume}
 * @param type the layer the policy takes part in
 * @param policy the parsed document
 */
public record SourcedPolicy(String sourceId, PolicyType type, Policy policy) {
  public SourcedPolicy {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(policy, "policy");
  }
}
