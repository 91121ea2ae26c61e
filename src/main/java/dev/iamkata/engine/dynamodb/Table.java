package dev.iamkata.engine.dynamodb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/** One DynamoDB table: its definition and its items, keyed by their primary key. */
final class Table {
  final String name;
  final String arn;
  final String id;
  final Instant created;
  final List<KeySchemaElement> keySchema;
  final List<AttributeDefinition> attributes;
  final String billingMode;
  final long readCapacity;
  final long writeCapacity;
  final Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();

  Table(
      String name,
      String arn,
      String id,
      Instant created,
      List<KeySchemaElement> keySchema,
      List<AttributeDefinition> attributes,
      String billingMode,
      long readCapacity,
      long writeCapacity) {
    this.name = name;
    this.arn = arn;
    this.id = id;
    this.created = created;
    this.keySchema = keySchema;
    this.attributes = attributes;
    this.billingMode = billingMode;
    this.readCapacity = readCapacity;
    this.writeCapacity = writeCapacity;
  }

  String hashKey() {
    return keySchema.stream()
        .filter(k -> k.keyType() == KeyType.HASH)
        .findFirst()
        .orElseThrow()
        .attributeName();
  }

  /** The range key's name, or null. */
  String rangeKey() {
    return keySchema.stream()
        .filter(k -> k.keyType() == KeyType.RANGE)
        .map(KeySchemaElement::attributeName)
        .findFirst()
        .orElse(null);
  }

  /** The declared type ({@code S}, {@code N}, {@code B}) of a key attribute. */
  String typeOf(String attribute) {
    return attributes.stream()
        .filter(a -> a.attributeName().equals(attribute))
        .map(AttributeDefinition::attributeTypeAsString)
        .findFirst()
        .orElse("S");
  }
}
