package dev.iamkata.engine.iam.managed;

import java.time.Instant;
import java.util.Objects;

/**
 * One AWS-managed IAM policy as AWS publishes it: its identity, its default version and that
 * version's document.
 *
 * @param policyName the policy's name, e.g. {@code ReadOnlyAccess}
 * @param policyId the stable policy id ({@code ANPA...})
 * @param arn {@code arn:aws:iam::aws:policy} followed by the path and the name
 * @param path the policy's path, e.g. {@code /} or {@code /service-role/}
 * @param defaultVersionId the default version, e.g. {@code v5}
 * @param createDate when AWS created the policy
 * @param updateDate when the default version was created
 * @param description AWS's description of the policy
 * @param documentJson the default version's policy document as compact JSON text
 */
public record ManagedPolicyDefinition(
    String policyName,
    String policyId,
    String arn,
    String path,
    String defaultVersionId,
    Instant createDate,
    Instant updateDate,
    String description,
    String documentJson) {

  /** Rejects missing fields so a damaged resource file fails loudly. */
  public ManagedPolicyDefinition {
    Objects.requireNonNull(policyName, "policyName");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(defaultVersionId, "defaultVersionId");
    Objects.requireNonNull(createDate, "createDate");
    Objects.requireNonNull(updateDate, "updateDate");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(documentJson, "documentJson");
  }
}
