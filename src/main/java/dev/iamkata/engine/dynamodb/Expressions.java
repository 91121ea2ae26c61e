package dev.iamkata.engine.dynamodb;

import static dev.iamkata.engine.dynamodb.DynamoDbErrors.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's expression language, the parts lessons need: conditions (key conditions, filters,
 * condition expressions) with comparisons, {@code BETWEEN}, {@code IN}, {@code AND/OR/NOT} and the
 * functions {@code attribute_exists}, {@code attribute_not_exists}, {@code begins_with}, {@code
 * contains}, {@code size}; update expressions with {@code SET} (including {@code a + b}, {@code
 * if_not_exists}) and {@code REMOVE} on top-level attributes. {@code #name} and {@code :value}
 * placeholders are resolved from the request.
 */
final class Expressions {
  private Expressions() {}

  /** A parsed condition, true or false for an item. */
  interface Condition {
    boolean test(Map<String, AttributeValue> item);
  }

  static Condition condition(
      String text, Map<String, String> names, Map<String, AttributeValue> values) {
    if (text == null) {
      return item -> true;
    }
    Tokens tokens = new Tokens(text);
    Condition c = new ConditionParser(tokens, new Operands(tokens, names, values)).or();
    tokens.end();
    return c;
  }

  /** The attribute names a condition's paths refer to (for key-condition checks). */
  static List<String> paths(String text, Map<String, String> names) {
    List<String> out = new ArrayList<>();
    for (String t : Tokens.tokenize(text == null ? "" : text)) {
      if (t.startsWith("#")) {
        String n = names == null ? null : names.get(t);
        if (n != null) {
          out.add(n);
        }
      } else if (Character.isLetter(t.charAt(0))
          && !Tokens.KEYWORDS.contains(t.toUpperCase(Locale.ROOT))) {
        out.add(t);
      }
    }
    return out;
  }

  /** Applies an update expression to a copy of {@code item}. */
  static Map<String, AttributeValue> update(
      String text,
      Map<String, String> names,
      Map<String, AttributeValue> values,
      Map<String, AttributeValue> item) {
    Tokens tokens = new Tokens(text);
    Operands operands = new Operands(tokens, names, values);
    Map<String, AttributeValue> out = new LinkedHashMap<>(item);
    if (tokens.isEmpty()) {
      throw validation("Invalid UpdateExpression: The expression can not be empty;");
    }
    while (tokens.hasMore()) {
      String clause = tokens.next().toUpperCase(Locale.ROOT);
      if (clause.equals("SET")) {
        do {
          String path = operands.topLevelPath();
          tokens.expect("=");
          // Every value is read from the item as it was before the update, as DynamoDB does.
          AttributeValue v = operands.setValue().eval(item);
          if (v == null) {
            throw validation(
                "The provided expression refers to an attribute that does not exist in the item");
          }
          out.put(path, v);
        } while (tokens.accept(","));
      } else if (clause.equals("REMOVE")) {
        do {
          out.remove(operands.topLevelPath());
        } while (tokens.accept(","));
      } else {
        throw validation(
            "Invalid UpdateExpression: Syntax error; token: \""
                + clause
                + "\", near: \""
                + clause
                + "\"");
      }
    }
    return out;
  }
}
