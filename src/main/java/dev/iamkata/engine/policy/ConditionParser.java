package dev.iamkata.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code Condition} block: operators IAM knows, each over keys that carry a vendor prefix,
 * with values that are strings, numbers or booleans (alone or in a non-empty array) and that parse
 * as the operator's type. Everything else is refused, so no test in a parsed policy is unreadable.
 */
final class ConditionParser {
  private ConditionParser() {}

  static List<Condition> parse(JsonNode node, PolicyKind kind) {
    if (node == null) {
      return List.of();
    }
    if (!node.isObject()) {
      throw Problem.SYNTAX.in(kind);
    }
    List<Condition> conditions = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> blocks = node.fields(); blocks.hasNext(); ) {
      Map.Entry<String, JsonNode> block = blocks.next();
      ConditionOperator operator =
          ConditionOperator.parse(block.getKey()).orElseThrow(() -> Problem.SYNTAX.in(kind));
      if (!block.getValue().isObject()) {
        throw Problem.SYNTAX.in(kind);
      }
      for (Iterator<Map.Entry<String, JsonNode>> tests = block.getValue().fields();
          tests.hasNext(); ) {
        Map.Entry<String, JsonNode> test = tests.next();
        if (!test.getKey().contains(":")) {
          throw Problem.MISSING_VENDOR.in(kind);
        }
        List<String> values = values(test.getValue(), kind);
        ValueKind valueKind = operator.base().kind();
        for (String value : values) {
          if (!valueKind.valid(value)) {
            throw valueKind.invalidValue().in(kind);
          }
        }
        conditions.add(new Condition(operator, test.getKey(), values));
      }
    }
    return conditions;
  }

  private static List<String> values(JsonNode node, PolicyKind kind) {
    if (isScalar(node)) {
      return List.of(node.asText());
    }
    if (!node.isArray() || node.isEmpty()) {
      throw Problem.SYNTAX.in(kind);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!isScalar(item)) {
        throw Problem.SYNTAX.in(kind);
      }
      values.add(item.asText());
    }
    return values;
  }

  private static boolean isScalar(JsonNode node) {
    return node.isTextual() || node.isNumber() || node.isBoolean();
  }
}
