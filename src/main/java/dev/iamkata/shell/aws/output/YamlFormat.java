package dev.iamkata.shell.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code --output yaml} as aws CLI v2 (ruamel.yaml) prints it: keys sorted, list items at their
 * key's indentation ({@code Users:} then {@code - Arn: ...}), strings quoted only when YAML would
 * read them as something else (timestamps, numbers, booleans, empty).
 */
public final class YamlFormat {
  private static final Pattern AMBIGUOUS =
      Pattern.compile(
          "(?i)^(|~|null|true|false|yes|no|on|off|y|n|[-+]?(\\d[\\d_]*)?(\\.\\d*)?([eE][-+]?\\d+)?"
              + "|0x[0-9a-f]+|0o[0-7]+|[-+]?\\.(inf|nan)|\\d{4}-\\d{1,2}-\\d{1,2}.*)$");
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private YamlFormat() {}

  /** The YAML text of a response or query result. */
  public static String format(JsonNode node) {
    List<String> lines = new ArrayList<>();
    if (node.isContainerNode() && !node.isEmpty()) {
      emit(node, 0, lines);
    } else if (node.isTextual()) {
      // ruamel writes a lone string double-quoted
      StringBuilder quoted = new StringBuilder();
      PyJson.string(node.textValue(), quoted);
      lines.add(quoted.toString());
    } else {
      lines.add(inline(node));
    }
    return String.join("\n", lines) + "\n";
  }

  private static void emit(JsonNode node, int indent, List<String> lines) {
    String pad = " ".repeat(indent);
    if (node.isObject()) {
      for (String key : new TreeSet<>(names(node))) {
        JsonNode v = node.get(key);
        if (v.isContainerNode() && !v.isEmpty()) {
          lines.add(pad + scalar(key) + ":");
          emit(v, v.isArray() ? indent : indent + 2, lines);
        } else {
          lines.add(pad + scalar(key) + ": " + inline(v));
        }
      }
      return;
    }
    for (JsonNode item : node) {
      if (item.isContainerNode() && !item.isEmpty()) {
        List<String> sub = new ArrayList<>();
        emit(item, indent + 2, sub);
        sub.set(0, pad + "- " + sub.get(0).substring(indent + 2));
        lines.addAll(sub);
      } else {
        lines.add(pad + "- " + inline(item));
      }
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static String inline(JsonNode v) {
    if (v.isObject()) {
      return "{}";
    }
    if (v.isArray()) {
      return "[]";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return scalar(v.textValue());
    }
    return PyJson.scalar(v);
  }

  private static String scalar(String s) {
    if (s.contains("\n")) {
      StringBuilder out = new StringBuilder();
      PyJson.string(s, out);
      return out.toString();
    }
    boolean quote =
        AMBIGUOUS.matcher(s).matches()
            || INDICATORS.indexOf(s.charAt(0)) >= 0
            || s.contains(": ")
            || s.contains(" #")
            || s.endsWith(":")
            || !s.strip().equals(s);
    return quote ? "'" + s.replace("'", "''") + "'" : s;
  }
}
