package dev.iamkata.backend;

/** One thing a backend may or may not enforce or offer. */
public enum Capability {
  /** Requests are refused unless an identity-based policy allows them. */
  IDENTITY_POLICIES,
  /** AssumeRole is refused unless the role's trust policy allows the caller. */
  TRUST_POLICIES,
  /** Temporary credentials stop working after their {@code Expiration}. */
  TOKEN_EXPIRY,
  /** The clock can be moved forward, so expiry is shown without waiting. */
  CLOCK_CONTROL,
  /** The state can be saved and put back (step reset). */
  SNAPSHOTS,
  /** Signatures are checked: a wrong secret is refused. */
  SIGNATURES,
  /**
   * IAM's policy simulator ({@code SimulatePrincipalPolicy}) answers, so {@code state} checks can
   * ask whether a policy or a trust policy allows something.
   */
  POLICY_SIMULATOR,
  /**
   * Each EC2 instance's metadata service answers at {@code ENDPOINT/_imds/INSTANCE_ID/latest/…}, so
   * a lesson can read an instance profile's credentials as a program on the instance would.
   */
  INSTANCE_METADATA
}
