package dev.iamkata.lesson.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether two IAM policy documents say the same thing, written differently: a single statement or a
 * list of one, a string or a list of one for Action/Resource/Principal values, order of values and
 * statements, and {@code Sid}s do not matter. Pure.
 */
public final class PolicyEquivalence {
  private static final JsonNodeFactory NF = JsonNodeFactory.instance;

  private PolicyEquivalence() {}

  /** Null when equivalent, else a short description of the first difference. */
  public static String difference(JsonNode want, JsonNode got) {
    JsonNode a = normalize(want);
    JsonNode b = normalize(got);
    if (a.equals(b)) {
      return null;
    }
    JsonNode as = a.path("Statement");
    JsonNode bs = b.path("Statement");
    if (as.size() != bs.size()) {
      return "expected " + as.size() + " statement(s), found " + bs.size();
    }
    for (JsonNode s : as) {
      boolean found = false;
      for (JsonNode t : bs) {
        found |= s.equals(t);
      }
      if (!found) {
        return "no statement like " + s;
      }
    }
    return "Version differs";
  }

  static JsonNode normalize(JsonNode policy) {
    ObjectNode out = NF.objectNode();
    out.put("Version", policy.path("Version").asText("2008-10-17"));
    JsonNode st = policy.path("Statement");
    List<JsonNode> statements = new ArrayList<>();
    if (st.isArray()) {
      st.forEach(s -> statements.add(statement(s)));
    } else if (st.isObject()) {
      statements.add(statement(st));
    }
    statements.sort((x, y) -> x.toString().compareTo(y.toString()));
    ArrayNode arr = out.putArray("Statement");
    statements.forEach(arr::add);
    return out;
  }

  private static JsonNode statement(JsonNode s) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("Sid")) {
        sorted.put(e.getKey(), value(e.getValue()));
      }
    }
    ObjectNode o = NF.objectNode();
    sorted.forEach(o::set);
    return o;
  }

  /** Strings and lists become sorted lists; objects are normalized key by key. */
  private static JsonNode value(JsonNode v) {
    if (v.isObject()) {
      ObjectNode o = NF.objectNode();
      Map<String, JsonNode> sorted = new TreeMap<>();
      v.fields().forEachRemaining(e -> sorted.put(e.getKey(), value(e.getValue())));
      sorted.forEach(o::set);
      return o;
    }
    List<String> items = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(i -> items.add(i.isTextual() ? i.asText() : i.toString()));
    } else {
      items.add(v.isTextual() ? v.asText() : v.toString());
    }
    items.sort(null);
    ArrayNode a = NF.arrayNode();
    items.forEach(a::add);
    return a;
  }
}
