package dev.iamkata.shell.aws.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON parser that fails with Python's {@code json.loads} messages ({@code Expecting property
 * name enclosed in double quotes: line 1 column 2 (char 1)}), because the CLI quotes them in {@code
 * Error parsing parameter '--item': Invalid JSON: ...}.
 */
public final class PyJsonParser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern NUMBER =
      Pattern.compile("(-?(?:0|[1-9]\\d*))(\\.\\d+)?([eE][-+]?\\d+)?");

  private final String doc;
  private int pos;

  /** A parse error with Python's message. */
  public static final class JsonError extends Exception {
    JsonError(String message) {
      super(message);
    }
  }

  private PyJsonParser(String doc) {
    this.doc = doc;
  }

  /** Parses {@code doc} as Python's {@code json.loads} would. */
  public static JsonNode parse(String doc) throws JsonError {
    PyJsonParser p = new PyJsonParser(doc);
    p.ws();
    JsonNode value = p.value();
    p.ws();
    if (p.pos != doc.length()) {
      throw p.error("Extra data", p.pos);
    }
    return value;
  }

  private JsonNode value() throws JsonError {
    if (pos >= doc.length()) {
      throw error("Expecting value", pos);
    }
    char c = doc.charAt(pos);
    switch (c) {
      case '"':
        return NODES.textNode(string());
      case '{':
        return object();
      case '[':
        return array();
      default:
        break;
    }
    if (doc.startsWith("null", pos)) {
      pos += 4;
      return NODES.nullNode();
    }
    if (doc.startsWith("true", pos)) {
      pos += 4;
      return NODES.booleanNode(true);
    }
    if (doc.startsWith("false", pos)) {
      pos += 5;
      return NODES.booleanNode(false);
    }
    Matcher m = NUMBER.matcher(doc).region(pos, doc.length());
    if (m.lookingAt()) {
      pos = m.end();
      if (m.group(2) == null && m.group(3) == null) {
        return NODES.numberNode(new BigInteger(m.group()));
      }
      return NODES.numberNode(new BigDecimal(m.group()).doubleValue());
    }
    throw error("Expecting value", pos);
  }

  private ObjectNode object() throws JsonError {
    ObjectNode out = NODES.objectNode();
    pos++;
    ws();
    if (peek() == '}') {
      pos++;
      return out;
    }
    while (true) {
      if (peek() != '"') {
        throw error("Expecting property name enclosed in double quotes", pos);
      }
      String key = string();
      ws();
      if (peek() != ':') {
        throw error("Expecting ':' delimiter", pos);
      }
      pos++;
      ws();
      out.set(key, value());
      ws();
      char c = peek();
      pos++;
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        throw error("Expecting ',' delimiter", pos - 1);
      }
      ws();
    }
  }

  private ArrayNode array() throws JsonError {
    ArrayNode out = NODES.arrayNode();
    pos++;
    ws();
    if (peek() == ']') {
      pos++;
      return out;
    }
    while (true) {
      out.add(value());
      ws();
      char c = peek();
      pos++;
      if (c == ']') {
        return out;
      }
      if (c != ',') {
        throw error("Expecting ',' delimiter", pos - 1);
      }
      ws();
    }
  }

  private String string() throws JsonError {
    int start = pos;
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= doc.length()) {
        throw error("Unterminated string starting at", start);
      }
      char c = doc.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c < 0x20) {
        throw error("Invalid control character at", pos);
      }
      if (c != '\\') {
        out.append(c);
        pos++;
        continue;
      }
      if (pos + 1 >= doc.length()) {
        throw error("Unterminated string starting at", start);
      }
      char e = doc.charAt(pos + 1);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          String hex = pos + 6 <= doc.length() ? doc.substring(pos + 2, pos + 6) : "";
          if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw error("Invalid \\uXXXX escape", pos + 1);
          }
          out.append((char) Integer.parseInt(hex, 16));
          pos += 4;
        }
        default -> throw error("Invalid \\escape: '\\" + e + "'", pos);
      }
      pos += 2;
    }
  }

  private char peek() {
    return pos < doc.length() ? doc.charAt(pos) : '\0';
  }

  private void ws() {
    while (pos < doc.length() && " \t\n\r".indexOf(doc.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private JsonError error(String message, int at) {
    int line = 1;
    int lastNewline = -1;
    for (int i = 0; i < at && i < doc.length(); i++) {
      if (doc.charAt(i) == '\n') {
        line++;
        lastNewline = i;
      }
    }
    int column = at - lastNewline;
    return new JsonError(message + ": line " + line + " column " + column + " (char " + at + ")");
  }
}
