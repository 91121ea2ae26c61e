package dev.iamkata.engine.dynamodb;

import static dev.iamkata.engine.dynamodb.DynamoDbErrors.validation;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** Primary keys: checking them against a table's key schema and turning them into map keys. */
final class ItemKeys {
  private ItemKeys() {}

  /** The key of a Get/Delete/Update request: exactly the table's key attributes. */
  static String exactKey(Table table, Map<String, AttributeValue> key) {
    int expected = table.rangeKey() == null ? 1 : 2;
    if (key == null || key.size() != expected) {
      throw validation("The provided key element does not match the schema");
    }
    return itemKey(table, key, false);
  }

  /** A canonical string for an item's primary key, checking presence and type. */
  static String itemKey(Table table, Map<String, AttributeValue> item, boolean isItem) {
    StringBuilder out = new StringBuilder();
    for (KeySchemaElement k : table.keySchema) {
      String name = k.attributeName();
      AttributeValue v = item.get(name);
      String type = table.typeOf(name);
      if (v == null) {
        throw validation(
            isItem
                ? "One or more parameter values were invalid: Missing the key "
                    + name
                    + " in the item"
                : "The provided key element does not match the schema");
      }
      String actual = v.s() != null ? "S" : v.n() != null ? "N" : v.b() != null ? "B" : "?";
      if (!actual.equals(type)) {
        throw validation(
            isItem
                ? "One or more parameter values were invalid: Type mismatch for key "
                    + name
                    + " expected: "
                    + type
                    + " actual: "
                    + typeName(v)
                : "The provided key element does not match the schema");
      }
      String text =
          switch (type) {
            case "N" -> new BigDecimal(v.n()).stripTrailingZeros().toPlainString();
            case "B" -> Base64.getEncoder().encodeToString(v.b().asByteArrayUnsafe());
            default -> v.s();
          };
      out.append(text.length()).append(':').append(text);
    }
    return out.toString();
  }

  private static String typeName(AttributeValue v) {
    AttributeValue.Type t = v.type();
    return t == null || t == AttributeValue.Type.NUL ? "NULL" : t.name();
  }

  /** Just the key attributes of an item, as a LastEvaluatedKey. */
  static Map<String, AttributeValue> keyOf(Table table, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (KeySchemaElement k : table.keySchema) {
      key.put(k.attributeName(), item.get(k.attributeName()));
    }
    return key;
  }
}
