package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documents in the wrong place, or requests without the keys a condition needs, never grant. */
class FailClosedTest {
  private static final PrincipalIdentity ALICE =
      PrincipalIdentity.user(
          "arn:aws:iam::111122223333:user/alice", "AIDAALICEEXAMPLE0001", Map.of());

  @Test
  void aTrustPolicyAttachedAsAnIdentityPolicyGrantsNothing() {
    Policy trust =
        PolicyParser.parse(
            """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"AWS": "111122223333"}, "Action": "sts:*"}}
            """,
            PolicyKind.TRUST);
    EvaluationInput input =
        EvaluationInput.builder(
                RequestContext.of("sts:AssumeRole", "arn:aws:iam::111122223333:role/admin", ALICE))
            .identityPolicy(new SourcedPolicy("misplaced", PolicyType.IDENTITY, trust))
            .build();

    assertEquals(Decision.Outcome.IMPLICIT_DENY, PolicyEvaluator.evaluate(input).outcome());
  }

  @Test
  void aTrustDecisionWithoutATrustPolicyIsRefused() {
    Policy allowAll =
        PolicyParser.parse(
            """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
            """,
            PolicyKind.IDENTITY);
    EvaluationInput input =
        EvaluationInput.builder(
                RequestContext.of("sts:AssumeRole", "arn:aws:iam::111122223333:role/admin", ALICE))
            .identityPolicy(new SourcedPolicy("admin", PolicyType.IDENTITY, allowAll))
            .build();

    Decision decision = PolicyEvaluator.evaluateTrust(input);
    assertEquals(Decision.Outcome.IMPLICIT_DENY, decision.outcome());
    assertEquals(PolicyType.RESOURCE, decision.decidingType());
  }
}
