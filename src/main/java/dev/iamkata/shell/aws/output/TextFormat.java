package dev.iamkata.shell.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code --output text}, a port of awscli's {@code text.py}: scalars of an object on one
 * tab-separated line (keys sorted), nested lists and objects after it on lines that start with
 * their upper-cased key.
 */
public final class TextFormat {
  private TextFormat() {}

  /** The text for a response or a query result. */
  public static String format(JsonNode item) {
    StringBuilder out = new StringBuilder();
    text(item, out, null, null);
    return out.toString();
  }

  private static void text(JsonNode item, StringBuilder out, String id, List<String> scalarKeys) {
    if (item.isObject()) {
      dict(scalarKeys, item, id, out);
    } else if (item.isArray()) {
      list(item, id, out);
    } else {
      out.append(str(item)).append('\n');
    }
  }

  private static void list(JsonNode item, String id, StringBuilder out) {
    if (item.isEmpty()) {
      return;
    }
    boolean anyDict = false;
    boolean anyList = false;
    for (JsonNode el : item) {
      anyDict |= el.isObject();
      anyList |= el.isArray();
    }
    if (anyDict) {
      List<String> keys = allScalarKeys(item);
      for (JsonNode el : item) {
        text(el, out, id, keys);
      }
    } else if (anyList) {
      List<JsonNode> scalars = new ArrayList<>();
      List<JsonNode> others = new ArrayList<>();
      for (JsonNode el : item) {
        (el.isContainerNode() ? others : scalars).add(el);
      }
      if (!scalars.isEmpty()) {
        scalarList(scalars, id, out);
      }
      for (JsonNode o : others) {
        text(o, out, id, null);
      }
    } else {
      List<JsonNode> all = new ArrayList<>();
      item.forEach(all::add);
      scalarList(all, id, out);
    }
  }

  private static void scalarList(List<JsonNode> elements, String id, StringBuilder out) {
    if (id != null) {
      for (JsonNode e : elements) {
        out.append(id.toUpperCase()).append('\t').append(str(e)).append('\n');
      }
    } else {
      List<String> parts = new ArrayList<>();
      elements.forEach(e -> parts.add(str(e)));
      out.append(String.join("\t", parts)).append('\n');
    }
  }

  private static void dict(List<String> scalarKeys, JsonNode item, String id, StringBuilder out) {
    List<String> scalars = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> nonScalars = new ArrayList<>();
    if (scalarKeys == null) {
      for (String key : new TreeSet<>(fieldNames(item))) {
        JsonNode v = item.get(key);
        if (v.isContainerNode()) {
          nonScalars.add(Map.entry(key, v));
        } else {
          scalars.add(str(v));
        }
      }
    } else {
      for (String key : scalarKeys) {
        JsonNode v = item.get(key);
        scalars.add(v == null ? "" : str(v));
      }
      TreeSet<String> remaining = new TreeSet<>(fieldNames(item));
      remaining.removeAll(scalarKeys);
      for (String key : remaining) {
        nonScalars.add(Map.entry(key, item.get(key)));
      }
    }
    if (!scalars.isEmpty()) {
      if (id != null) {
        scalars.add(0, id.toUpperCase());
      }
      out.append(String.join("\t", scalars)).append('\n');
    }
    for (Map.Entry<String, JsonNode> e : nonScalars) {
      text(e.getValue(), out, e.getKey(), null);
    }
  }

  private static List<String> allScalarKeys(JsonNode list) {
    TreeSet<String> seen = new TreeSet<>();
    for (JsonNode d : list) {
      if (!d.isObject()) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isContainerNode()) {
          seen.add(e.getKey());
        }
      }
    }
    return new ArrayList<>(seen);
  }

  private static List<String> fieldNames(JsonNode item) {
    List<String> names = new ArrayList<>();
    item.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Python's {@code str()} of a scalar. */
  static String str(JsonNode v) {
    if (v == null || v.isNull()) {
      return "None";
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "True" : "False";
    }
    if (v.isFloatingPointNumber()) {
      return PyJson.pyFloat(v.doubleValue());
    }
    return v.asText();
  }
}
