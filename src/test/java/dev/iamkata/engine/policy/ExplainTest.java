package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the simulator needs beyond a decision: every applied statement, and keys as given. */
class ExplainTest {
  private static final PrincipalIdentity ALICE =
      PrincipalIdentity.user("arn:aws:iam::111122223333:user/alice", "AIDAALICE", Map.of());

  private static SourcedPolicy sourced(String id, PolicyType type, PolicyKind kind, String json) {
    return new SourcedPolicy(id, type, PolicyParser.parse(json, kind));
  }

  @Test
  void explanationKeepsTheAllowThatADenyOverruled() {
    SourcedPolicy identity =
        sourced(
            "id",
            PolicyType.IDENTITY,
            PolicyKind.IDENTITY,
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}]}");
    SourcedPolicy bucket =
        sourced(
            "rp",
            PolicyType.RESOURCE,
            PolicyKind.RESOURCE,
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}");
    EvaluationInput input =
        EvaluationInput.builder(RequestContext.of("s3:DeleteObject", "arn:aws:s3:::b/k", ALICE))
            .identityPolicy(identity)
            .resourcePolicy(bucket)
            .build();

    Explanation explanation = PolicyEvaluator.explain(input);

    assertEquals(PolicyEvaluator.evaluate(input), explanation.decision());
    assertEquals(Decision.Outcome.EXPLICIT_DENY, explanation.decision().outcome());
    assertEquals(
        List.of(new MatchedStatement("id", PolicyType.IDENTITY, 0, null)),
        explanation.identity().allows());
    assertEquals(Decision.Outcome.ALLOWED, explanation.identity().outcome());
    assertEquals(Decision.Outcome.EXPLICIT_DENY, explanation.resource().outcome());
    assertEquals(Decision.Outcome.IMPLICIT_DENY, explanation.boundary().outcome());
    assertFalse(explanation.crossAccount());
  }

  @Test
  void simulatedRequestsKeepTheirKeysAndDeriveNone() {
    RequestContext live = RequestContext.of("s3:GetObject", "*", ALICE);
    assertEquals(List.of("alice"), live.values("aws:username"));

    RequestContext simulated =
        RequestContext.simulated(
            "s3:GetObject",
            "*",
            ALICE,
            Map.of("aws:principalarn", List.of("arn:aws:iam::111122223333:role/other")));
    assertEquals(
        List.of("arn:aws:iam::111122223333:role/other"), simulated.values("aws:PrincipalArn"));
    assertTrue(simulated.values("aws:username").isEmpty());
    assertFalse(simulated.derivedKeys());
  }
}
