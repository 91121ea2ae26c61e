package dev.iamkata.engine.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns a policy document into a {@link Policy}, rejecting what IAM would reject with the message
 * IAM would give. Anything that cannot be read unambiguously, duplicate JSON keys included, is
 * refused rather than guessed at, so a malformed document can never grant.
 */
public final class PolicyParser {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
  private static final Set<String> VERSIONS = Set.of(Policy.CURRENT_VERSION, "2008-10-17");

  private PolicyParser() {}

  /**
   * Parses and validates a document.
   *
   * @throws MalformedPolicyException with AWS's message when IAM would refuse the document
   */
  public static Policy parse(String json, PolicyKind kind) {
    JsonNode root = read(json, kind);
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      if (!TOP_LEVEL.contains(names.next())) {
        throw Problem.SYNTAX.in(kind);
      }
    }
    String version = version(root.get("Version"), kind);
    JsonNode id = root.get("Id");
    if (id != null && !id.isTextual()) {
      throw Problem.SYNTAX.in(kind);
    }
    List<Statement> statements = new ArrayList<>();
    for (JsonNode node : statementNodes(root.get("Statement"), kind)) {
      statements.add(StatementParser.parse(node, kind));
    }
    Policy policy = new Policy(version, statements, json);
    PolicyRules.check(policy, kind);
    return policy;
  }

  private static JsonNode read(String json, PolicyKind kind) {
    if (json == null) {
      throw Problem.INVALID_JSON.in(kind);
    }
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isObject()) {
        throw Problem.INVALID_JSON.in(kind);
      }
      return root;
    } catch (JsonProcessingException e) {
      throw Problem.INVALID_JSON.in(kind);
    }
  }

  private static String version(JsonNode node, PolicyKind kind) {
    if (node == null) {
      return null;
    }
    if (!node.isTextual() || !VERSIONS.contains(node.asText())) {
      throw Problem.INVALID_VERSION.in(kind);
    }
    return node.asText();
  }

  private static List<JsonNode> statementNodes(JsonNode node, PolicyKind kind) {
    if (node == null) {
      throw Problem.MISSING_STATEMENT.in(kind);
    }
    if (node.isObject()) {
      return List.of(node);
    }
    if (!node.isArray()) {
      throw Problem.SYNTAX.in(kind);
    }
    if (node.isEmpty()) {
      throw Problem.EMPTY_STATEMENT.in(kind);
    }
    List<JsonNode> nodes = new ArrayList<>();
    node.forEach(nodes::add);
    return nodes;
  }
}
