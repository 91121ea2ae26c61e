package dev.iamkata.engine.dynamodb;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
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
  private final List<String> tokens;
  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private int pos;

  private Expressions(String text, Map<String, String> names, Map<String, AttributeValue> values) {
    this.tokens = tokenize(text);
    this.names = names == null ? Map.of() : names;
    this.values = values == null ? Map.of() : values;
  }

  /** A parsed condition, true or false for an item. */
  interface Condition {
    boolean test(Map<String, AttributeValue> item);
  }

  /** Something that yields a value for an item: a path, a placeholder value, a function. */
  private interface Operand {
    AttributeValue eval(Map<String, AttributeValue> item);
  }

  static Condition condition(
      String text, Map<String, String> names, Map<String, AttributeValue> values) {
    if (text == null) {
      return item -> true;
    }
    Expressions p = new Expressions(text, names, values);
    Condition c = p.or();
    p.end();
    return c;
  }

  /** The attribute names a condition's paths refer to (for key-condition checks). */
  static List<String> paths(String text, Map<String, String> names) {
    List<String> out = new ArrayList<>();
    for (String t : tokenize(text == null ? "" : text)) {
      if (t.startsWith("#")) {
        String n = names == null ? null : names.get(t);
        if (n != null) {
          out.add(n);
        }
      } else if (Character.isLetter(t.charAt(0))
          && !KEYWORDS.contains(t.toUpperCase(Locale.ROOT))) {
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
    Expressions p = new Expressions(text, names, values);
    Map<String, AttributeValue> out = new LinkedHashMap<>(item);
    if (p.tokens.isEmpty()) {
      throw syntax("Invalid UpdateExpression: The expression can not be empty;");
    }
    while (p.pos < p.tokens.size()) {
      String clause = p.next().toUpperCase(Locale.ROOT);
      if (clause.equals("SET")) {
        do {
          String path = p.topLevelPath();
          p.expect("=");
          Operand value = p.setValue();
          AttributeValue v = value.eval(item);
          if (v == null) {
            throw syntax(
                "The provided expression refers to an attribute that does not exist in the item");
          }
          out.put(path, v);
        } while (p.accept(","));
      } else if (clause.equals("REMOVE")) {
        do {
          out.remove(p.topLevelPath());
        } while (p.accept(","));
      } else {
        throw syntax(
            "Invalid UpdateExpression: Syntax error; token: \""
                + clause
                + "\", near: \""
                + clause
                + "\"");
      }
    }
    return out;
  }

  // --- conditions

  private Condition or() {
    Condition left = and();
    while (acceptKeyword("OR")) {
      Condition a = left;
      Condition b = and();
      left = item -> a.test(item) || b.test(item);
    }
    return left;
  }

  private Condition and() {
    Condition left = not();
    while (acceptKeyword("AND")) {
      Condition a = left;
      Condition b = not();
      left = item -> a.test(item) && b.test(item);
    }
    return left;
  }

  private Condition not() {
    if (acceptKeyword("NOT")) {
      Condition c = not();
      return item -> !c.test(item);
    }
    return primary();
  }

  private Condition primary() {
    if (accept("(")) {
      Condition c = or();
      expect(")");
      return c;
    }
    String t = peek();
    String fn = t == null ? "" : t.toLowerCase(Locale.ROOT);
    if (fn.equals("attribute_exists") || fn.equals("attribute_not_exists")) {
      next();
      expect("(");
      Operand path = path();
      expect(")");
      boolean exists = fn.equals("attribute_exists");
      return item -> (path.eval(item) != null) == exists;
    }
    if (fn.equals("begins_with")) {
      next();
      expect("(");
      Operand a = operand();
      expect(",");
      Operand b = operand();
      expect(")");
      return item -> {
        AttributeValue x = a.eval(item);
        AttributeValue y = b.eval(item);
        return x != null && y != null && x.s() != null && y.s() != null && x.s().startsWith(y.s());
      };
    }
    if (fn.equals("contains")) {
      next();
      expect("(");
      Operand a = operand();
      expect(",");
      Operand b = operand();
      expect(")");
      return item -> contains(a.eval(item), b.eval(item));
    }
    Operand left = operand();
    if (acceptKeyword("BETWEEN")) {
      Operand lo = operand();
      if (!acceptKeyword("AND")) {
        throw syntax("Invalid ConditionExpression: Syntax error; BETWEEN needs AND");
      }
      Operand hi = operand();
      return item -> {
        AttributeValue v = left.eval(item);
        return v != null
            && compare(v, lo.eval(item)) != null
            && compare(v, lo.eval(item)) >= 0
            && compare(v, hi.eval(item)) != null
            && compare(v, hi.eval(item)) <= 0;
      };
    }
    if (acceptKeyword("IN")) {
      expect("(");
      List<Operand> options = new ArrayList<>();
      do {
        options.add(operand());
      } while (accept(","));
      expect(")");
      return item -> {
        AttributeValue v = left.eval(item);
        return v != null && options.stream().anyMatch(o -> v.equals(o.eval(item)));
      };
    }
    String op = next();
    Operand right = operand();
    return switch (op) {
      case "=" ->
          item -> {
            AttributeValue a = left.eval(item);
            return a != null && equal(a, right.eval(item));
          };
      case "<>" ->
          item -> {
            AttributeValue a = left.eval(item);
            return a != null && !equal(a, right.eval(item));
          };
      case "<", "<=", ">", ">=" ->
          item -> {
            Integer c = compare(left.eval(item), right.eval(item));
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
      default -> throw syntax("Invalid ConditionExpression: Syntax error; token: \"" + op + "\"");
    };
  }

  private Operand operand() {
    String t = peek();
    if (t == null) {
      throw syntax("Invalid expression: Syntax error; token: \"<EOF>\"");
    }
    if (t.startsWith(":")) {
      next();
      AttributeValue v = values.get(t);
      if (v == null) {
        throw syntax(
            "Invalid expression: An expression attribute value used in expression is not"
                + " defined; attribute value: "
                + t);
      }
      return item -> v;
    }
    if (t.equalsIgnoreCase("size")) {
      next();
      expect("(");
      Operand p = path();
      expect(")");
      return item -> {
        AttributeValue v = p.eval(item);
        Integer n = size(v);
        return n == null ? null : AttributeValue.fromN(String.valueOf(n));
      };
    }
    return path();
  }

  private Operand setValue() {
    Operand left = setOperand();
    if (accept("+") || (peek() != null && peek().equals("-") && accept("-"))) {
      boolean plus = tokens.get(pos - 1).equals("+");
      Operand right = setOperand();
      return item -> {
        AttributeValue a = left.eval(item);
        AttributeValue b = right.eval(item);
        if (a == null || b == null || a.n() == null || b.n() == null) {
          throw syntax("An operand in the update expression has an incorrect data type");
        }
        BigDecimal x = new BigDecimal(a.n());
        BigDecimal y = new BigDecimal(b.n());
        return AttributeValue.fromN((plus ? x.add(y) : x.subtract(y)).toPlainString());
      };
    }
    return left;
  }

  private Operand setOperand() {
    String t = peek();
    if (t != null && t.equalsIgnoreCase("if_not_exists")) {
      next();
      expect("(");
      Operand p = path();
      expect(",");
      Operand fallback = setOperand();
      expect(")");
      return item -> {
        AttributeValue v = p.eval(item);
        return v != null ? v : fallback.eval(item);
      };
    }
    if (t != null && t.equalsIgnoreCase("list_append")) {
      next();
      expect("(");
      Operand a = setOperand();
      expect(",");
      Operand b = setOperand();
      expect(")");
      return item -> {
        AttributeValue x = a.eval(item);
        AttributeValue y = b.eval(item);
        if (x == null || y == null || !x.hasL() || !y.hasL()) {
          throw syntax("An operand in the update expression has an incorrect data type");
        }
        List<AttributeValue> all = new ArrayList<>(x.l());
        all.addAll(y.l());
        return AttributeValue.fromL(all);
      };
    }
    return operand();
  }

  /** A document path: {@code name}, {@code #n}, {@code a.b}, {@code a[0]}. */
  private Operand path() {
    List<Object> steps = new ArrayList<>();
    steps.add(name(next()));
    while (true) {
      if (accept(".")) {
        steps.add(name(next()));
      } else if (accept("[")) {
        steps.add(Integer.valueOf(next()));
        expect("]");
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

  private String topLevelPath() {
    String n = name(next());
    if (".".equals(peek()) || "[".equals(peek())) {
      throw syntax("iam-kata updates top-level attributes only; nested paths are not supported");
    }
    return n;
  }

  private String name(String token) {
    if (token == null) {
      throw syntax("Invalid expression: Syntax error; token: \"<EOF>\"");
    }
    if (token.startsWith("#")) {
      String n = names.get(token);
      if (n == null) {
        throw syntax(
            "Invalid expression: An expression attribute name used in the document path is not"
                + " defined; attribute name: "
                + token);
      }
      return n;
    }
    if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
      throw syntax("Invalid expression: Syntax error; token: \"" + token + "\"");
    }
    return token;
  }

  // --- values

  static boolean equal(AttributeValue a, AttributeValue b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.n() != null && b.n() != null) {
      return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
    }
    return a.equals(b);
  }

  /** Orders two scalars of the same type (N, S, B); null when they cannot be compared. */
  static Integer compare(AttributeValue a, AttributeValue b) {
    if (a == null || b == null) {
      return null;
    }
    if (a.n() != null && b.n() != null) {
      return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
    }
    if (a.s() != null && b.s() != null) {
      return a.s().compareTo(b.s());
    }
    if (a.b() != null && b.b() != null) {
      return compareBytes(a.b(), b.b());
    }
    return null;
  }

  private static int compareBytes(SdkBytes a, SdkBytes b) {
    byte[] x = a.asByteArrayUnsafe();
    byte[] y = b.asByteArrayUnsafe();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Integer.compare(x[i] & 0xFF, y[i] & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static boolean contains(AttributeValue a, AttributeValue b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.s() != null && b.s() != null) {
      return a.s().contains(b.s());
    }
    if (a.hasSs() && b.s() != null) {
      return a.ss().contains(b.s());
    }
    if (a.hasNs() && b.n() != null) {
      return a.ns().stream().anyMatch(n -> new BigDecimal(n).compareTo(new BigDecimal(b.n())) == 0);
    }
    if (a.hasL()) {
      return a.l().stream().anyMatch(v -> equal(v, b));
    }
    return false;
  }

  private static Integer size(AttributeValue v) {
    if (v == null) {
      return null;
    }
    if (v.s() != null) {
      return v.s().length();
    }
    if (v.b() != null) {
      return v.b().asByteArrayUnsafe().length;
    }
    if (v.hasL()) {
      return v.l().size();
    }
    if (v.hasM()) {
      return v.m().size();
    }
    if (v.hasSs()) {
      return v.ss().size();
    }
    if (v.hasNs()) {
      return v.ns().size();
    }
    if (v.hasBs()) {
      return v.bs().size();
    }
    return null;
  }

  // --- tokens

  private static final java.util.Set<String> KEYWORDS =
      java.util.Set.of("AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE");

  private static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#' || c == ':' || Character.isLetterOrDigit(c) || c == '_') {
        int j = i + 1;
        while (j < text.length()
            && (Character.isLetterOrDigit(text.charAt(j))
                || text.charAt(j) == '_'
                || text.charAt(j) == '-' && (c == '#' || c == ':'))) {
          j++;
        }
        out.add(text.substring(i, j));
        i = j;
      } else if ((c == '<' || c == '>') && i + 1 < text.length() && text.charAt(i + 1) == '=') {
        out.add(text.substring(i, i + 2));
        i += 2;
      } else if (c == '<' && i + 1 < text.length() && text.charAt(i + 1) == '>') {
        out.add("<>");
        i += 2;
      } else if ("=<>(),.[]+-".indexOf(c) >= 0) {
        out.add(String.valueOf(c));
        i++;
      } else {
        throw syntax("Invalid expression: Syntax error; token: \"" + c + "\", near: \"" + c + "\"");
      }
    }
    return out;
  }

  private String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw syntax("Invalid expression: Syntax error; token: \"<EOF>\", near: \"\"");
    }
    return tokens.get(pos++);
  }

  private boolean accept(String token) {
    if (token.equals(peek())) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptKeyword(String keyword) {
    if (peek() != null && peek().equalsIgnoreCase(keyword)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String token) {
    String t = peek();
    if (!Objects.equals(token, t)) {
      throw syntax(
          "Invalid expression: Syntax error; token: \""
              + (t == null ? "<EOF>" : t)
              + "\", near: \""
              + (t == null ? "" : t)
              + "\"");
    }
    pos++;
  }

  private void end() {
    if (pos < tokens.size()) {
      String t = tokens.get(pos);
      throw syntax("Invalid expression: Syntax error; token: \"" + t + "\", near: \"" + t + "\"");
    }
  }

  private static AwsException syntax(String message) {
    return new AwsException(AwsError.VALIDATION_EXCEPTION, message);
  }
}
