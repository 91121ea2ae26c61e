package dev.iamkata.engine.iam;

import dev.iamkata.engine.state.ManagedPolicy;
import java.time.Instant;

/**
 * A managed policy as the IAM operations see it, whether the account owns it or AWS does.
 *
 * @param document the default version's document
 * @param awsManaged true for {@code arn:aws:iam::aws:policy/...}, which customers cannot change
 * @param attachable false for service-role policies that only service-linked roles may carry
 */
record PolicyInfo(
    String name,
    String id,
    String arn,
    String path,
    String defaultVersionId,
    Instant createDate,
    Instant updateDate,
    String description,
    String document,
    boolean awsManaged,
    boolean attachable) {

  /** A customer managed policy of the account. */
  static PolicyInfo of(ManagedPolicy policy) {
    return new PolicyInfo(
        policy.name,
        policy.id,
        policy.arn,
        policy.path,
        policy.defaultVersionId,
        policy.createDate,
        updateDate(policy),
        policy.description,
        policy.defaultDocument(),
        false,
        true);
  }

  /**
   * IAM's {@code UpdateDate}: the creation date while the policy has one version, else when its
   * newest version was created.
   */
  static Instant updateDate(ManagedPolicy policy) {
    if (policy.versions.size() <= 1) {
      return policy.createDate;
    }
    return policy.versions.stream()
        .map(v -> v.createDate)
        .max(Instant::compareTo)
        .orElse(policy.createDate);
  }

  /** The sort key IAM's list order follows. */
  String sortKey() {
    return name.toLowerCase(java.util.Locale.ROOT) + (awsManaged ? "\u0000aws" : "\u0000local");
  }
}
