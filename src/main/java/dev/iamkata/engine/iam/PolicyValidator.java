package dev.iamkata.engine.iam;

import dev.iamkata.engine.api.AwsException;

/**
 * Checks a policy document's grammar before IAM stores it. The IAM service does not parse policies
 * itself; the engine wires in the policy package's parser, and tests a simple JSON check.
 */
@FunctionalInterface
public interface PolicyValidator {

  /**
   * Accepts {@code json} or throws {@code MalformedPolicyDocument} with IAM's message.
   *
   * @param json the document exactly as the caller sent it
   * @param trustPolicy true for a role's trust (assume-role) policy, which must name principals;
   *     false for identity policies, which must not
   */
  void validate(String json, boolean trustPolicy) throws AwsException;
}
