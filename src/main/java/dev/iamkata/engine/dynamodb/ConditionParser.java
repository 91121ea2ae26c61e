package dev.iamkata.engine.dynamodb;

import static dev.iamkata.engine.dynamodb.DynamoDbErrors.validation;

import dev.iamkata.engine.dynamodb.Expressions.Condition;
import dev.iamkata.engine.dynamodb.Operands.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Parses a condition by recursive descent, {@code OR} binding loosest, then {@code AND}, then
 * {@code NOT}; comparisons, {@code BETWEEN}, {@code IN} and the functions are its primaries.
 */
final class ConditionParser {
  private final Tokens tokens;
  private final Operands operands;

  ConditionParser(Tokens tokens, Operands operands) {
    this.tokens = tokens;
    this.operands = operands;
  }

  Condition or() {
    Condition left = and();
    while (tokens.acceptKeyword("OR")) {
      Condition a = left;
      Condition b = and();
      left = item -> a.test(item) || b.test(item);
    }
    return left;
  }

  private Condition and() {
    Condition left = not();
    while (tokens.acceptKeyword("AND")) {
      Condition a = left;
      Condition b = not();
      left = item -> a.test(item) && b.test(item);
    }
    return left;
  }

  private Condition not() {
    if (tokens.acceptKeyword("NOT")) {
      Condition c = not();
      return item -> !c.test(item);
    }
    return primary();
  }

  private Condition primary() {
    if (tokens.accept("(")) {
      Condition c = or();
      tokens.expect(")");
      return c;
    }
    String t = tokens.peek();
    String fn = t == null ? "" : t.toLowerCase(Locale.ROOT);
    if (fn.equals("attribute_exists") || fn.equals("attribute_not_exists")) {
      tokens.next();
      tokens.expect("(");
      Operand path = operands.path();
      tokens.expect(")");
      boolean exists = fn.equals("attribute_exists");
      return item -> (path.eval(item) != null) == exists;
    }
    if (fn.equals("begins_with")) {
      tokens.next();
      tokens.expect("(");
      Operand a = operands.operand();
      tokens.expect(",");
      Operand b = operands.operand();
      tokens.expect(")");
      return item -> {
        AttributeValue x = a.eval(item);
        AttributeValue y = b.eval(item);
        return x != null && y != null && x.s() != null && y.s() != null && x.s().startsWith(y.s());
      };
    }
    if (fn.equals("contains")) {
      tokens.next();
      tokens.expect("(");
      Operand a = operands.operand();
      tokens.expect(",");
      Operand b = operands.operand();
      tokens.expect(")");
      return item -> AttributeValues.contains(a.eval(item), b.eval(item));
    }
    Operand left = operands.operand();
    if (tokens.acceptKeyword("BETWEEN")) {
      Operand lo = operands.operand();
      if (!tokens.acceptKeyword("AND")) {
        throw validation("Invalid ConditionExpression: Syntax error; BETWEEN needs AND");
      }
      Operand hi = operands.operand();
      return item -> {
        AttributeValue v = left.eval(item);
        return v != null
            && AttributeValues.compare(v, lo.eval(item)) != null
            && AttributeValues.compare(v, lo.eval(item)) >= 0
            && AttributeValues.compare(v, hi.eval(item)) != null
            && AttributeValues.compare(v, hi.eval(item)) <= 0;
      };
    }
    if (tokens.acceptKeyword("IN")) {
      tokens.expect("(");
      List<Operand> options = new ArrayList<>();
      do {
        options.add(operands.operand());
      } while (tokens.accept(","));
      tokens.expect(")");
      return item -> {
        AttributeValue v = left.eval(item);
        return v != null && options.stream().anyMatch(o -> v.equals(o.eval(item)));
      };
    }
    String op = tokens.next();
    Operand right = operands.operand();
    return switch (op) {
      case "=" ->
          item -> {
            AttributeValue a = left.eval(item);
            return a != null && AttributeValues.equal(a, right.eval(item));
          };
      case "<>" ->
          item -> {
            AttributeValue a = left.eval(item);
            return a != null && !AttributeValues.equal(a, right.eval(item));
          };
      case "<", "<=", ">", ">=" ->
          item -> {
            Integer c = AttributeValues.compare(left.eval(item), right.eval(item));
            if (c == null) {
              return false;
            }
            return switch (op) {
              case "<" -> c < 0;
              case "<=" -> c <= 0;
              case ">" -> c > 0;
              default -> c >= 0;
            };
          };
      default ->
          throw validation("Invalid ConditionExpression: Syntax error; token: \"" + op + "\"");
    };
  }
}
