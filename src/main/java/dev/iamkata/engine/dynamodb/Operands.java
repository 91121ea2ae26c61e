package dev.iamkata.engine.dynamodb;

import static dev.iamkata.engine.dynamodb.DynamoDbErrors.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Parses the operands of conditions and updates (document paths, {@code :value} placeholders,
 * {@code size}, and the SET-only {@code +}, {@code -}, {@code if_not_exists}, {@code list_append})
 * into functions of an item.
 */
final class Operands {
  /** Something that yields a value for an item: a path, a placeholder value, a function. */
  interface Operand {
    AttributeValue eval(Map<String, AttributeValue> item);
  }

  private final Tokens tokens;
  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;

  Operands(Tokens tokens, Map<String, String> names, Map<String, AttributeValue> values) {
    this.tokens = tokens;
    this.names = names == null ? Map.of() : names;
    this.values = values == null ? Map.of() : values;
  }

  Operand operand() {
    String t = tokens.peek();
    if (t == null) {
      throw validation("Invalid expression: Syntax error; token: \"<EOF>\"");
    }
    if (t.startsWith(":")) {
      tokens.next();
      AttributeValue v = values.get(t);
      if (v == null) {
        throw validation(
            "Invalid expression: An expression attribute value used in expression is not"
                + " defined; attribute value: "
                + t);
      }
      return item -> v;
    }
    if (t.equalsIgnoreCase("size")) {
      tokens.next();
      tokens.expect("(");
      Operand p = path();
      tokens.expect(")");
      return item -> {
        AttributeValue v = p.eval(item);
        Integer n = AttributeValues.size(v);
        return n == null ? null : AttributeValue.fromN(String.valueOf(n));
      };
    }
    return path();
  }

  Operand setValue() {
    Operand left = setOperand();
    if (tokens.accept("+")
        || (tokens.peek() != null && tokens.peek().equals("-") && tokens.accept("-"))) {
      boolean plus = tokens.previous().equals("+");
      Operand right = setOperand();
      return item -> {
        AttributeValue a = left.eval(item);
        AttributeValue b = right.eval(item);
        if (a == null || b == null || a.n() == null || b.n() == null) {
          throw validation("An operand in the update expression has an incorrect data type");
        }
        BigDecimal x = new BigDecimal(a.n());
        BigDecimal y = new BigDecimal(b.n());
        return AttributeValue.fromN((plus ? x.add(y) : x.subtract(y)).toPlainString());
      };
    }
    return left;
  }

  private Operand setOperand() {
    String t = tokens.peek();
    if (t != null && t.equalsIgnoreCase("if_not_exists")) {
      tokens.next();
      tokens.expect("(");
      Operand p = path();
      tokens.expect(",");
      Operand fallback = setOperand();
      tokens.expect(")");
      return item -> {
        AttributeValue v = p.eval(item);
        return v != null ? v : fallback.eval(item);
      };
    }
    if (t != null && t.equalsIgnoreCase("list_append")) {
      tokens.next();
      tokens.expect("(");
      Operand a = setOperand();
      tokens.expect(",");
      Operand b = setOperand();
      tokens.expect(")");
      return item -> {
        AttributeValue x = a.eval(item);
        AttributeValue y = b.eval(item);
        if (x == null || y == null || !x.hasL() || !y.hasL()) {
          throw validation("An operand in the update expression has an incorrect data type");
        }
        List<AttributeValue> all = new ArrayList<>(x.l());
        all.addAll(y.l());
        return AttributeValue.fromL(all);
      };
    }
    return operand();
  }

  /** A document path: {@code name}, {@code #n}, {@code a.b}, {@code a[0]}. */
  Operand path() {
    List<Object> steps = new ArrayList<>();
    steps.add(name(tokens.next()));
    while (true) {
      if (tokens.accept(".")) {
        steps.add(name(tokens.next()));
      } else if (tokens.accept("[")) {
        steps.add(Integer.valueOf(tokens.next()));
        tokens.expect("]");
      } else {
        break;
      }
    }
    return item -> {
      AttributeValue v = item.get((String) steps.get(0));
      for (int i = 1; i < steps.size() && v != null; i++) {
        Object s = steps.get(i);
        if (s instanceof Integer idx) {
          v = v.hasL() && idx < v.l().size() ? v.l().get(idx) : null;
        } else {
          v = v.hasM() ? v.m().get(s) : null;
        }
      }
      return v;
    };
  }

  String topLevelPath() {
    String n = name(tokens.next());
    if (".".equals(tokens.peek()) || "[".equals(tokens.peek())) {
      throw validation(
          "iam-kata updates top-level attributes only; nested paths are not supported");
    }
    return n;
  }

  private String name(String token) {
    if (token == null) {
      throw validation("Invalid expression: Syntax error; token: \"<EOF>\"");
    }
    if (token.startsWith("#")) {
      String n = names.get(token);
      if (n == null) {
        throw validation(
            "Invalid expression: An expression attribute name used in the document path is not"
                + " defined; attribute name: "
                + token);
      }
      return n;
    }
    if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
      throw validation("Invalid expression: Syntax error; token: \"" + token + "\"");
    }
    return token;
  }
}
