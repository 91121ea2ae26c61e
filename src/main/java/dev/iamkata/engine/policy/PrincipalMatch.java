package dev.iamkata.engine.policy;

/**
 * How a resource policy's Principal element names the caller. Within one account the difference
 * decides which other policies can still limit the grant (IAM User Guide, "Policy evaluation
 * logic"); later constants are stronger.
 */
enum PrincipalMatch {
  /** The caller is not named. */
  NONE,
  /** The caller's account is named: the grant is delegated to the account's identity policies. */
  ACCOUNT,
  /** The role behind the caller's session is named: boundaries and session policies still apply. */
  ROLE,
  /** The caller itself is named, or everyone is: the grant stands on its own. */
  DIRECT
}
