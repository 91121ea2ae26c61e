package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PolicyParserTest {

  @TestFactory
  Stream<DynamicTest> parserCases() {
    return TestCases.load("parser-cases.json").stream()
        .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
  }

  private static void check(JsonNode c) {
    String json = TestCases.document(c.get("policy"));
    PolicyKind kind = PolicyKind.valueOf(c.get("kind").asText());
    if (c.has("error")) {
      MalformedPolicyException e =
          assertThrows(MalformedPolicyException.class, () -> PolicyParser.parse(json, kind));
      assertEquals(c.get("error").asText(), e.getMessage());
    } else {
      assertEquals(json, PolicyParser.parse(json, kind).json());
    }
  }

  @Test
  void keepsTheDocumentAndReadsEveryElement() {
    String json =
        """
        {"Version": "2012-10-17",
         "Statement": {"Sid": "Trust", "Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"},
                       "NotAction": "s3:*", "NotResource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
                       "Condition": {"NumericLessThan": {"s3:max-keys": 10}}}}
        """;
    Policy policy = PolicyParser.parse(json, PolicyKind.RESOURCE);

    assertEquals(json, policy.json());
    assertEquals("2012-10-17", policy.version());
    assertTrue(policy.variablesEnabled());
    Statement statement = policy.statements().get(0);
    assertEquals("Trust", statement.sid());
    assertEquals(Effect.DENY, statement.effect());
    assertEquals(List.of("s3:*"), statement.notActions());
    assertEquals(List.of("arn:aws:s3:::b", "arn:aws:s3:::b/*"), statement.notResources());
    assertEquals(Optional.empty(), statement.principal());
    assertEquals(List.of("111122223333"), statement.notPrincipal().orElseThrow().aws());
    Condition condition = statement.conditions().get(0);
    assertEquals("NumericLessThan", condition.operator().name());
    assertEquals("s3:max-keys", condition.key());
    assertEquals(List.of("10"), condition.values());
  }

  @Test
  void principalWildcardAndOperatorNamesRoundTrip() {
    Policy policy =
        PolicyParser.parse(
            """
            {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::b/*",
              "Condition": {"ForAllValues:StringNotLikeIfExists": {"aws:TagKeys": "x*"}}}}
            """,
            PolicyKind.RESOURCE);

    Statement statement = policy.statements().get(0);
    assertEquals(Principals.ANYONE, statement.principal().orElseThrow());
    assertEquals(
        "ForAllValues:StringNotLikeIfExists", statement.conditions().get(0).operator().name());
    assertEquals(null, policy.version());
  }
}
