package dev.iamkata.shell.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps(value, indent=4, ensure_ascii=False)} writes it,
 * which is what the aws CLI prints: {@code "key": value}, items on their own lines, {@code []} and
 * {@code {}} for empty containers, floats with a fractional part ({@code 1.0}).
 */
public final class PyJson {
  private PyJson() {}

  /** The indented text, without a trailing newline. */
  public static String dump(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, 0, out);
    return out.toString();
  }

  private static void write(JsonNode node, int depth, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      if (node.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        indent(depth + 1, out);
        string(e.getKey(), out);
        out.append(": ");
        write(e.getValue(), depth + 1, out);
        out.append(it.hasNext() ? ",\n" : "\n");
      }
      indent(depth, out);
      out.append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        indent(depth + 1, out);
        write(node.get(i), depth + 1, out);
        out.append(i + 1 < node.size() ? ",\n" : "\n");
      }
      indent(depth, out);
      out.append(']');
    } else if (node.isTextual()) {
      string(node.textValue(), out);
    } else {
      out.append(scalar(node));
    }
  }

  /** A number or boolean as Python prints it ({@code True} → {@code true}, {@code 1.0}). */
  public static String scalar(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue() ? "true" : "false";
    }
    if (node.isFloatingPointNumber()) {
      return pyFloat(node.doubleValue());
    }
    if (node.isNumber()) {
      return node.bigIntegerValue().toString();
    }
    return node.isNull() ? "null" : node.asText();
  }

  /** Python's {@code repr(float)}: shortest round-trip digits, always with a point or exponent. */
  public static String pyFloat(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return String.valueOf((long) d) + ".0";
    }
    String s = Double.toString(d);
    return s.replace("E", "e+").replace("e+-", "e-");
  }

  private static void indent(int depth, StringBuilder out) {
    out.append("    ".repeat(depth));
  }

  /** A JSON string literal as Python escapes it with {@code ensure_ascii=False}. */
  public static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
