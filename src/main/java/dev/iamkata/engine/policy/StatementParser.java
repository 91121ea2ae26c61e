package dev.iamkata.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads one statement and checks its shape: known elements of the right JSON types, never an
 * element together with its {@code Not} form, no principal in an identity policy, and an Effect
 * that is exactly Allow or Deny. The other rules that depend on the policy kind run afterwards, in
 * {@link PolicyRules}.
 */
final class StatementParser {
  private static final Set<String> ELEMENTS =
      Set.of(
          "Sid",
          "Effect",
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");

  private StatementParser() {}

  static Statement parse(JsonNode node, PolicyKind kind) {
    if (!node.isObject()) {
      throw Problem.SYNTAX.in(kind);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      if (!ELEMENTS.contains(names.next())) {
        throw Problem.SYNTAX.in(kind);
      }
    }
    for (String element : List.of("Action", "Resource", "Principal")) {
      if (node.has(element) && node.has("Not" + element)) {
        throw Problem.SYNTAX.in(kind);
      }
    }
    // Checked before the principal is read: whatever it says, it has no place here.
    if (kind == PolicyKind.IDENTITY && (node.has("Principal") || node.has("NotPrincipal"))) {
      throw Problem.PRINCIPAL_FORBIDDEN.in(kind);
    }
    return new Statement(
        sid(node.get("Sid"), kind),
        effect(node.get("Effect"), kind),
        strings(node.get("Action"), kind),
        strings(node.get("NotAction"), kind),
        strings(node.get("Resource"), kind),
        strings(node.get("NotResource"), kind),
        PrincipalParser.parse(node.get("Principal"), kind),
        PrincipalParser.parse(node.get("NotPrincipal"), kind),
        ConditionParser.parse(node.get("Condition"), kind));
  }

  private static String sid(JsonNode node, PolicyKind kind) {
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw Problem.SYNTAX.in(kind);
    }
    return node.asText();
  }

  private static Effect effect(JsonNode node, PolicyKind kind) {
    if (node == null) {
      throw Problem.MISSING_EFFECT.in(kind);
    }
    if (!node.isTextual()) {
      throw Problem.SYNTAX.in(kind);
    }
    String text = node.asText();
    for (Effect effect : Effect.values()) {
      if (effect.spelling().equals(text)) {
        return effect;
      }
      if (effect.spelling().equalsIgnoreCase(text)) {
        throw Problem.MISCASED_EFFECT.in(kind, text);
      }
    }
    throw Problem.INVALID_EFFECT.in(kind, text);
  }

  /** A string or an array of strings; absent is empty. */
  static List<String> strings(JsonNode node, PolicyKind kind) {
    if (node == null) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    if (!node.isArray()) {
      throw Problem.SYNTAX.in(kind);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw Problem.SYNTAX.in(kind);
      }
      values.add(item.asText());
    }
    return values;
  }
}
