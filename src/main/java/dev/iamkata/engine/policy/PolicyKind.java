package dev.iamkata.engine.policy;

/**
 * Where a policy document is used, which decides the grammar IAM checks it against and the wording
 * of its {@code MalformedPolicyDocument} messages.
 */
public enum PolicyKind {
  /**
   * User, group and role policies, permissions boundaries and session policies: no Principal or
   * NotPrincipal, a Resource or NotResource in every statement.
   */
  IDENTITY,
  /**
   * A role's assume-role (trust) policy: a Principal in every statement, no Resource, and only the
   * STS actions that start or tag a role session.
   */
  TRUST,
  /** A policy attached to a resource, such as a bucket policy: a Principal in every statement. */
  RESOURCE
}
