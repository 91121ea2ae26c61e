package dev.iamkata.engine.dynamodb;

import static dev.iamkata.engine.dynamodb.DynamoDbErrors.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** ProjectionExpression: which attributes of an item GetItem, Query and Scan return. */
final class Projection {
  private Projection() {}

  /** Projects each item; see {@link #project(Map, String, Map)}. */
  static List<Map<String, AttributeValue>> project(
      List<Map<String, AttributeValue>> items, String projection, Map<String, String> names) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      out.add(project(item, projection, names));
    }
    return out;
  }

  /** Keeps the projected top-level attributes ({@code a, #b, c.d} keeps a, b and c). */
  static Map<String, AttributeValue> project(
      Map<String, AttributeValue> item, String projection, Map<String, String> names) {
    if (projection == null) {
      return item;
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (String part : projection.split(",")) {
      String top = part.trim().split("[.\\[]", 2)[0];
      if (top.startsWith("#")) {
        String n = names == null ? null : names.get(top);
        if (n == null) {
          throw validation(
              "Invalid ProjectionExpression: An expression attribute name used in the document"
                  + " path is not defined; attribute name: "
                  + top);
        }
        top = n;
      }
      if (item.containsKey(top)) {
        out.put(top, item.get(top));
      }
    }
    return out;
  }
}
