package dev.iamkata.engine.iam.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AwsManagedPoliciesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final List<String> REQUIRED =
      List.of(
          "AdministratorAccess",
          "ReadOnlyAccess",
          "AmazonS3ReadOnlyAccess",
          "AmazonS3FullAccess",
          "AmazonDynamoDBFullAccess",
          "AmazonDynamoDBReadOnlyAccess",
          "AmazonEC2FullAccess",
          "AmazonEC2ReadOnlyAccess",
          "AWSLambdaBasicExecutionRole",
          "IAMFullAccess",
          "IAMReadOnlyAccess");

  @Test
  void requiredPoliciesLoad() {
    Set<String> names = new HashSet<>();
    AwsManagedPolicies.all().forEach(p -> names.add(p.policyName()));
    assertTrue(names.containsAll(REQUIRED), () -> "missing from " + names);
  }

  @Test
  void identityFieldsAreConsistent() {
    Set<String> ids = new HashSet<>();
    for (ManagedPolicyDefinition p : AwsManagedPolicies.all()) {
      assertEquals("arn:aws:iam::aws:policy" + p.path() + p.policyName(), p.arn());
      assertTrue(p.path().startsWith("/") && p.path().endsWith("/"), p.path());
      assertTrue(p.policyId().matches("ANPA[A-Z0-9]{17}"), p.policyId());
      assertTrue(p.defaultVersionId().matches("v[0-9]+"), p.defaultVersionId());
      assertFalse(p.updateDate().isBefore(p.createDate()), p.policyName());
      assertTrue(ids.add(p.policyId()), "duplicate id " + p.policyId());
      assertEquals(p, AwsManagedPolicies.byArn(p.arn()).orElseThrow());
    }
    assertTrue(AwsManagedPolicies.byArn("arn:aws:iam::aws:policy/NoSuchPolicy").isEmpty());
  }

  @Test
  void documentsAreJsonWithStatements() throws Exception {
    for (ManagedPolicyDefinition p : AwsManagedPolicies.all()) {
      JsonNode doc = MAPPER.readTree(p.documentJson());
      assertEquals("2012-10-17", doc.path("Version").asText(), p.policyName());
      assertTrue(doc.path("Statement").size() > 0, p.policyName());
      assertFalse(p.documentJson().contains("\n"), "document should be compact");
    }
  }

  @Test
  void administratorAccessAllowsEverything() throws Exception {
    JsonNode statements = statements("AdministratorAccess");
    assertEquals(1, statements.size());
    JsonNode s = statements.get(0);
    assertEquals("Allow", s.path("Effect").asText());
    assertEquals(List.of("*"), values(s.path("Action")));
    assertEquals(List.of("*"), values(s.path("Resource")));
    assertEquals(Set.of("Effect", "Action", "Resource"), fieldNames(s));
  }

  @Test
  void lambdaBasicExecutionRoleWritesLogs() throws Exception {
    ManagedPolicyDefinition p = byName("AWSLambdaBasicExecutionRole");
    assertEquals("/service-role/", p.path());
    assertEquals("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", p.arn());
    assertTrue(
        allowedActions("AWSLambdaBasicExecutionRole")
            .containsAll(
                List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents")));
  }

  @Test
  void readOnlyAccessCoversS3AndDynamoDbListing() throws Exception {
    List<String> actions = allowedActions("ReadOnlyAccess");
    assertTrue(actions.contains("s3:Get*") || actions.contains("s3:List*"));
    assertTrue(actions.contains("dynamodb:List*"));
  }

  @Test
  void ec2ReadOnlyAccessDescribesEverything() throws Exception {
    assertTrue(allowedActions("AmazonEC2ReadOnlyAccess").contains("ec2:Describe*"));
  }

  private static ManagedPolicyDefinition byName(String name) {
    return AwsManagedPolicies.all().stream()
        .filter(p -> p.policyName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode statements(String name) throws Exception {
    return MAPPER.readTree(byName(name).documentJson()).path("Statement");
  }

  private static List<String> allowedActions(String name) throws Exception {
    List<String> actions = new ArrayList<>();
    for (JsonNode s : statements(name)) {
      if ("Allow".equals(s.path("Effect").asText())) {
        actions.addAll(values(s.path("Action")));
      }
    }
    return actions;
  }

  private static List<String> values(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (node.isTextual()) {
      out.add(node.asText());
    }
    return out;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
