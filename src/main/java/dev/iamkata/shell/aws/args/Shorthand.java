package dev.iamkata.shell.aws.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CLI's shorthand syntax ({@code Key=Env,Value=dev}, {@code Name=tag:team,Values=a,b}, {@code
 * A=[x,y]}, {@code B={C=d}}), a port of awscli's {@code ShorthandParser}: values are strings, lists
 * and objects; the model decides later what they become.
 */
public final class Shorthand {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final char EOF = '\uffff';
  private static final String KEY_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.#/:";

  private final String input;
  private int index;

  /** A shorthand syntax error in awscli's words. */
  public static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message);
    }
  }

  private Shorthand(String input) {
    this.input = input;
  }

  /** Parses {@code value} into an object of strings, lists and objects. */
  public static ObjectNode parse(String value) throws SyntaxError {
    return new Shorthand(value).parameter();
  }

  private ObjectNode parameter() throws SyntaxError {
    ObjectNode params = NODES.objectNode();
    keyval(params);
    while (index < input.length()) {
      expect(',', true);
      keyval(params);
    }
    return params;
  }

  private void keyval(ObjectNode into) throws SyntaxError {
    String key = key();
    expect('=', true);
    into.set(key, values());
  }

  private String key() {
    int start = index;
    while (!atEof() && KEY_CHARS.indexOf(current()) >= 0) {
      index++;
    }
    return input.substring(start, index);
  }

  private JsonNode values() throws SyntaxError {
    if (atEof()) {
      return NODES.textNode("");
    }
    if (current() == '[') {
      return explicitList();
    }
    if (current() == '{') {
      return hashLiteral();
    }
    return csvValue();
  }

  private JsonNode csvValue() throws SyntaxError {
    JsonNode first = firstValue();
    whitespace();
    if (atEof() || input.charAt(index) != ',') {
      return first;
    }
    expect(',', true);
    ArrayNode list = NODES.arrayNode().add(first);
    while (true) {
      int mark = index;
      try {
        String current = secondValue();
        whitespace();
        if (atEof()) {
          list.add(current);
          break;
        }
        expect(',', true);
        list.add(current);
      } catch (SyntaxError e) {
        if (atEof()) {
          throw e;
        }
        index = Math.max(mark, 0);
        while (index >= 0 && input.charAt(index) != ',') {
          index--;
        }
        break;
      }
    }
    return list.size() == 1 ? first : list;
  }

  private JsonNode explicitList() throws SyntaxError {
    expect('[', true);
    ArrayNode values = NODES.arrayNode();
    while (current() != ']') {
      values.add(explicitValues());
      whitespace();
      if (current() != ']') {
        expect(',', false);
        whitespace();
      }
    }
    expect(']', false);
    return values;
  }

  private JsonNode explicitValues() throws SyntaxError {
    if (current() == '[') {
      return explicitList();
    }
    if (current() == '{') {
      return hashLiteral();
    }
    return firstValue();
  }

  private JsonNode hashLiteral() throws SyntaxError {
    expect('{', true);
    ObjectNode out = NODES.objectNode();
    while (current() != '}') {
      String key = key();
      expect('=', true);
      JsonNode v = explicitValues();
      whitespace();
      if (current() != '}') {
        expect(',', false);
        whitespace();
      }
      out.set(key, v);
    }
    expect('}', false);
    return out;
  }

  private JsonNode firstValue() throws SyntaxError {
    if (current() == '\'' || current() == '"') {
      return NODES.textNode(quoted(current()));
    }
    int start = index;
    if (!atEof() && startWord(current())) {
      index++;
      while (!atEof() && (escapedComma() || firstFollow(current()))) {
        index++;
      }
    }
    return NODES.textNode(input.substring(start, index).replace("\\,", ",").stripTrailing());
  }

  private String secondValue() throws SyntaxError {
    if (current() == '\'' || current() == '"') {
      return quoted(current());
    }
    int start = index;
    if (atEof() || !(escapedComma() || startWord(current()))) {
      throw syntax("<second>", atEof() ? "<none>" : "<none>");
    }
    index++;
    while (!atEof() && (escapedComma() || secondFollow(current()))) {
      index++;
    }
    return input.substring(start, index).replace("\\,", ",").stripTrailing();
  }

  /** Consumes the first char of an escaped comma so the loop's increment takes the comma. */
  private boolean escapedComma() {
    if (input.startsWith("\\,", index)) {
      index++;
      return true;
    }
    return false;
  }

  private String quoted(char q) throws SyntaxError {
    int start = index;
    index++;
    StringBuilder raw = new StringBuilder();
    while (!atEof() && current() != q) {
      if (current() == '\\' && index + 1 < input.length()) {
        char n = input.charAt(index + 1);
        if (n == q || n == '\\') {
          raw.append(n);
          index += 2;
          continue;
        }
      }
      raw.append(current());
      index++;
    }
    if (atEof()) {
      index = start;
      throw syntax(q == '"' ? "<double quoted>" : "<singled quoted>", "<none>");
    }
    index++;
    return raw.toString();
  }

  private static boolean startWord(char c) {
    return c != '"' && c != '\'' && c != ',' && c != '=' && c != '[' && c != '{' && c > ' ';
  }

  private static boolean firstFollow(char c) {
    return c != '"' && c != '\'' && c != ',' && c != ']' && c != '}';
  }

  private static boolean secondFollow(char c) {
    return c != '"' && c != '\'' && c != ',' && c != '=';
  }

  private void expect(char c, boolean ws) throws SyntaxError {
    if (ws) {
      whitespace();
    }
    if (atEof()) {
      throw syntax(String.valueOf(c), "EOF");
    }
    char actual = input.charAt(index);
    if (actual != c) {
      throw syntax(String.valueOf(c), String.valueOf(actual));
    }
    index++;
    if (ws) {
      whitespace();
    }
  }

  private SyntaxError syntax(String expected, String actual) {
    return new SyntaxError(
        "Expected: '"
            + expected
            + "', received: '"
            + actual
            + "' for input:\n"
            + input
            + "\n"
            + " ".repeat(Math.max(index, 0))
            + "^");
  }

  private char current() {
    return index < input.length() ? input.charAt(index) : EOF;
  }

  private boolean atEof() {
    return index >= input.length();
  }

  private void whitespace() {
    while (!atEof() && Character.isWhitespace(current())) {
      index++;
    }
  }
}
