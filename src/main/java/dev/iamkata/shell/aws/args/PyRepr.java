package dev.iamkata.shell.aws.args;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code repr()} and {@code type()} of a parsed value, as botocore's messages show them.
 */
final class PyRepr {
  private PyRepr() {}

  static String of(JsonNode node) {
    if (node.isTextual()) {
      String s = node.textValue();
      return s.contains("'") && !s.contains("\"")
          ? "\"" + s + "\""
          : "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "True" : "False";
    }
    if (node.isNull()) {
      return "None";
    }
    if (node.isArray()) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < node.size(); i++) {
        out.append(i > 0 ? ", " : "").append(of(node.get(i)));
      }
      return out.append(']').toString();
    }
    if (node.isObject()) {
      StringBuilder out = new StringBuilder("{");
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.append(first ? "" : ", ")
            .append(of(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey())))
            .append(": ")
            .append(of(e.getValue()));
        first = false;
      }
      return out.append('}').toString();
    }
    return node.asText();
  }

  static String type(JsonNode node) {
    if (node.isTextual()) {
      return "<class 'str'>";
    }
    if (node.isBoolean()) {
      return "<class 'bool'>";
    }
    if (node.isIntegralNumber()) {
      return "<class 'int'>";
    }
    if (node.isNumber()) {
      return "<class 'float'>";
    }
    if (node.isArray()) {
      return "<class 'list'>";
    }
    if (node.isObject()) {
      return "<class 'dict'>";
    }
    return "<class 'NoneType'>";
  }
}
