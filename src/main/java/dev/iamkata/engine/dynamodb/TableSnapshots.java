package dev.iamkata.engine.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.protocol.json.JsonCodec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * A table with its items as JSON and back, for snapshots: definitions and attribute values in
 * DynamoDB's own member names ({@code {"S": "…"}}), as the aws CLI shows them. Pure.
 */
final class TableSnapshots {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TableSnapshots() {}

  static JsonNode write(Table table) {
    ObjectNode out = NODES.objectNode();
    out.put("name", table.name);
    out.put("arn", table.arn);
    out.put("id", table.id);
    out.put("created", table.created.toString());
    table.keySchema.forEach(k -> out.withArray("keySchema").add(JsonCodec.encodeMembers(k)));
    table.attributes.forEach(a -> out.withArray("attributes").add(JsonCodec.encodeMembers(a)));
    out.put("billingMode", table.billingMode);
    out.put("readCapacity", table.readCapacity);
    out.put("writeCapacity", table.writeCapacity);
    var items = out.putArray("items");
    for (Map<String, AttributeValue> item : table.items.values()) {
      ObjectNode node = items.addObject();
      item.forEach((name, value) -> node.set(name, JsonCodec.encodeMembers(value)));
    }
    return out;
  }

  /** The table {@link #write} wrote; {@link IllegalArgumentException} when it is not one. */
  static Table read(JsonNode node) {
    try {
      Table table =
          new Table(
              text(node, "name"),
              text(node, "arn"),
              text(node, "id"),
              Instant.parse(text(node, "created")),
              list(node.path("keySchema"), KeySchemaElement::builder, KeySchemaElement.class),
              list(
                  node.path("attributes"), AttributeDefinition::builder, AttributeDefinition.class),
              text(node, "billingMode"),
              node.path("readCapacity").asLong(),
              node.path("writeCapacity").asLong());
      if (table.keySchema.isEmpty()) {
        throw new IllegalArgumentException("table " + table.name + " has no key schema");
      }
      for (JsonNode itemNode : node.path("items")) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (var fields = itemNode.fields(); fields.hasNext(); ) {
          var f = fields.next();
          item.put(f.getKey(), one(f.getValue(), AttributeValue::builder, AttributeValue.class));
        }
        table.items.put(ItemKeys.itemKey(table, item, true), item);
      }
      return table;
    } catch (AwsException | DateTimeParseException e) {
      throw new IllegalArgumentException("a DynamoDB table in the snapshot: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("a DynamoDB table in the snapshot lacks " + key);
    }
    return value.textValue();
  }

  private static <T> List<T> list(
      JsonNode nodes, Supplier<? extends SdkPojo> builder, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (JsonNode n : nodes) {
      out.add(one(n, builder, type));
    }
    return List.copyOf(out);
  }

  private static <T> T one(JsonNode node, Supplier<? extends SdkPojo> builder, Class<T> type) {
    return type.cast(JsonCodec.decodeMembers(builder.get(), node));
  }
}
