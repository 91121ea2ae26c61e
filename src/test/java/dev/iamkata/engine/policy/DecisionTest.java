package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** AWS's wording of the reason clause for every layer. */
class DecisionTest {

  @Test
  void implicitDenyNamesTheLayerWithoutAnAllow() {
    assertEquals(
        "because no identity-based policy allows the sts:AssumeRole action",
        implicit(PolicyType.IDENTITY).reason("sts:AssumeRole"));
    assertEquals(
        "because no resource-based policy allows the sts:AssumeRole action",
        implicit(PolicyType.RESOURCE).reason("sts:AssumeRole"));
    assertEquals(
        "because no permissions boundary allows the sts:AssumeRole action",
        implicit(PolicyType.BOUNDARY).reason("sts:AssumeRole"));
    assertEquals(
        "because no session policy allows the sts:AssumeRole action",
        implicit(PolicyType.SESSION).reason("sts:AssumeRole"));
  }

  @Test
  void explicitDenyNamesTheLayerWithTheDeny() {
    assertEquals(
        "with an explicit deny in an identity-based policy",
        explicit(PolicyType.IDENTITY).reason("s3:GetObject"));
    assertEquals(
        "with an explicit deny in a resource-based policy",
        explicit(PolicyType.RESOURCE).reason("s3:GetObject"));
    assertEquals(
        "with an explicit deny in a permissions boundary",
        explicit(PolicyType.BOUNDARY).reason("s3:GetObject"));
    assertEquals(
        "with an explicit deny in a session policy",
        explicit(PolicyType.SESSION).reason("s3:GetObject"));
  }

  @Test
  void anAllowedRequestHasNoReason() {
    Decision allowed =
        new Decision(Decision.Outcome.ALLOWED, PolicyType.IDENTITY, List.of(), true, false);
    assertEquals("", allowed.reason("s3:GetObject"));
  }

  private static Decision implicit(PolicyType type) {
    return new Decision(Decision.Outcome.IMPLICIT_DENY, type, List.of(), false, false);
  }

  private static Decision explicit(PolicyType type) {
    return new Decision(Decision.Outcome.EXPLICIT_DENY, type, List.of(), false, false);
  }
}
