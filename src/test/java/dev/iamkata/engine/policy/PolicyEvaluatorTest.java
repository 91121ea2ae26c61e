package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the evaluation tables: each case names a caller, a request and the policies in play, and
 * states the outcome, the deciding layer, AWS's reason clause and the deciding statements.
 */
class PolicyEvaluatorTest {
  private static final List<String> TABLES =
      List.of(
          "evaluation-basics.json",
          "evaluation-conditions.json",
          "evaluation-layers.json",
          "evaluation-trust.json");

  private static final Map<String, PrincipalIdentity> CALLERS =
      Map.ofEntries(
          Map.entry(
              "alice",
              PrincipalIdentity.user(
                  "arn:aws:iam::111122223333:user/alice",
                  "AIDAALICEEXAMPLE0001",
                  Map.of("team", "blue"))),
          Map.entry(
              "dan",
              PrincipalIdentity.user(
                  "arn:aws:iam::111122223333:user/division/team/dan",
                  "AIDADANEXAMPLE000001",
                  Map.of("project", "*"))),
          Map.entry(
              "dev-session",
              PrincipalIdentity.assumedRole(
                  "arn:aws:iam::111122223333:role/dev-role",
                  "AROADEVROLEEXAMPLE01",
                  "dev-session",
                  Map.of("team", "red"))),
          Map.entry(
              "admin-session",
              PrincipalIdentity.assumedRole(
                  "arn:aws:iam::111122223333:role/ops/admin-role",
                  "AROAADMINEXAMPLE0001",
                  "s1",
                  Map.of())),
          Map.entry("root", PrincipalIdentity.root("111122223333")),
          Map.entry(
              "bob",
              PrincipalIdentity.user(
                  "arn:aws:iam::444455556666:user/Bob", "AIDABOBEXAMPLE000001", Map.of())),
          Map.entry(
              "auditor-session",
              PrincipalIdentity.assumedRole(
                  "arn:aws:iam::444455556666:role/auditor",
                  "AROAAUDITOREXAMPLE01",
                  "audit",
                  Map.of())),
          Map.entry("other-root", PrincipalIdentity.root("444455556666")),
          Map.entry("carol", PrincipalIdentity.federatedUser("111122223333", "carol")),
          Map.entry("google", PrincipalIdentity.identityProvider("accounts.google.com")),
          Map.entry("lambda", PrincipalIdentity.service("lambda.amazonaws.com")),
          Map.entry("ec2", PrincipalIdentity.service("ec2.amazonaws.com")),
          Map.entry("anonymous", PrincipalIdentity.anonymous()));

  @TestFactory
  Stream<DynamicTest> evaluationCases() {
    return TABLES.stream()
        .flatMap(
            table ->
                TestCases.load(table).stream()
                    .map(
                        c ->
                            DynamicTest.dynamicTest(
                                table + ": " + c.get("name").asText(), () -> check(c))));
  }

  private static void check(JsonNode c) {
    boolean trust = c.path("trust").asBoolean(false);
    EvaluationInput input = input(c, trust);
    Decision decision =
        trust ? PolicyEvaluator.evaluateTrust(input) : PolicyEvaluator.evaluate(input);
    String action = c.get("action").asText();
    assertAll(
        () -> assertEquals(c.get("expect").asText(), decision.outcome().name(), "outcome"),
        () -> {
          if (c.has("by")) {
            assertEquals(c.get("by").asText(), decision.decidingType().name(), "deciding type");
          }
        },
        () -> {
          if (c.has("reason")) {
            assertEquals(c.get("reason").asText(), decision.reason(action), "reason");
          }
        },
        () -> {
          if (c.has("statements")) {
            assertEquals(strings(c.get("statements")), statements(decision), "statements");
          }
        },
        () -> {
          if (c.has("identityAllowed")) {
            assertEquals(c.get("identityAllowed").asBoolean(), decision.identityAllowed());
          }
        },
        () -> {
          if (c.has("resourceAllowed")) {
            assertEquals(c.get("resourceAllowed").asBoolean(), decision.resourceAllowed());
          }
        });
  }

  private static EvaluationInput input(JsonNode c, boolean trust) {
    RequestContext.Builder request =
        RequestContext.builder(
            c.get("action").asText(),
            c.get("resource").asText(),
            CALLERS.get(c.get("principal").asText()));
    c.path("keys").fields().forEachRemaining(k -> request.key(k.getKey(), strings(k.getValue())));
    EvaluationInput.Builder input = EvaluationInput.builder(request.build());
    List<JsonNode> identity = list(c.path("identity"));
    for (int i = 0; i < identity.size(); i++) {
      input.identityPolicy(sourced("identity/" + i, PolicyType.IDENTITY, identity.get(i)));
    }
    if (c.has("boundary")) {
      input.permissionsBoundary(sourced("boundary", PolicyType.BOUNDARY, c.get("boundary")));
    }
    if (c.has("session")) {
      List<SourcedPolicy> session = new ArrayList<>();
      List<JsonNode> documents = list(c.get("session"));
      for (int i = 0; i < documents.size(); i++) {
        session.add(sourced("session/" + i, PolicyType.SESSION, documents.get(i)));
      }
      input.sessionPolicies(session);
    }
    if (c.has("resourcePolicy")) {
      PolicyKind kind = trust ? PolicyKind.TRUST : PolicyKind.RESOURCE;
      Policy policy = PolicyParser.parse(c.get("resourcePolicy").toString(), kind);
      input.resourcePolicy(new SourcedPolicy("resource", PolicyType.RESOURCE, policy));
    }
    if (c.has("resourceAccount")) {
      input.resourceAccount(c.get("resourceAccount").asText());
    }
    return input.build();
  }

  private static SourcedPolicy sourced(String id, PolicyType type, JsonNode document) {
    return new SourcedPolicy(
        id, type, PolicyParser.parse(document.toString(), PolicyKind.IDENTITY));
  }

  private static List<String> statements(Decision decision) {
    return decision.statements().stream().map(s -> s.sourceId() + "#" + s.index()).toList();
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private static List<String> strings(JsonNode node) {
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    return list(node).stream().map(JsonNode::asText).toList();
  }
}
