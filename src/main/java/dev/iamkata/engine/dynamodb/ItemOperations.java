package dev.iamkata.engine.dynamodb;

import static dev.iamkata.engine.dynamodb.DynamoDbErrors.validation;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** PutItem, GetItem, DeleteItem and UpdateItem, with their condition expressions. */
final class ItemOperations {
  private final TableStore store;

  ItemOperations(TableStore store) {
    this.store = store;
  }

  PutItemResponse putItem(Caller caller, PutItemRequest r) {
    Table table = store.table(caller, r.tableName());
    if (!r.hasItem()) {
      throw validation(
          "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member"
              + " must not be null");
    }
    String key = ItemKeys.itemKey(table, r.item(), true);
    Map<String, AttributeValue> old = table.items.get(key);
    check(
        r.conditionExpression(), r.expressionAttributeNames(), r.expressionAttributeValues(), old);
    table.items.put(key, new LinkedHashMap<>(r.item()));
    PutItemResponse.Builder out = PutItemResponse.builder();
    if ("ALL_OLD".equals(r.returnValuesAsString()) && old != null) {
      out.attributes(old);
    }
    return out.build();
  }

  GetItemResponse getItem(Caller caller, GetItemRequest r) {
    Table table = store.table(caller, r.tableName());
    Map<String, AttributeValue> item = table.items.get(ItemKeys.exactKey(table, r.key()));
    GetItemResponse.Builder out = GetItemResponse.builder();
    if (item != null) {
      out.item(Projection.project(item, r.projectionExpression(), r.expressionAttributeNames()));
    }
    return out.build();
  }

  DeleteItemResponse deleteItem(Caller caller, DeleteItemRequest r) {
    Table table = store.table(caller, r.tableName());
    String key = ItemKeys.exactKey(table, r.key());
    Map<String, AttributeValue> old = table.items.get(key);
    check(
        r.conditionExpression(), r.expressionAttributeNames(), r.expressionAttributeValues(), old);
    table.items.remove(key);
    DeleteItemResponse.Builder out = DeleteItemResponse.builder();
    if ("ALL_OLD".equals(r.returnValuesAsString()) && old != null) {
      out.attributes(old);
    }
    return out.build();
  }

  UpdateItemResponse updateItem(Caller caller, UpdateItemRequest r) {
    Table table = store.table(caller, r.tableName());
    String key = ItemKeys.exactKey(table, r.key());
    Map<String, AttributeValue> old = table.items.get(key);
    check(
        r.conditionExpression(), r.expressionAttributeNames(), r.expressionAttributeValues(), old);
    Map<String, AttributeValue> base = new LinkedHashMap<>(old == null ? r.key() : old);
    Map<String, AttributeValue> updated =
        r.updateExpression() == null
            ? base
            : Expressions.update(
                r.updateExpression(),
                r.expressionAttributeNames(),
                r.expressionAttributeValues(),
                base);
    for (String k : r.key().keySet()) {
      if (!AttributeValues.equal(updated.get(k), r.key().get(k))) {
        throw validation(
            "One or more parameter values were invalid: Cannot update attribute "
                + k
                + ". This attribute is part of the key");
      }
    }
    table.items.put(key, updated);
    UpdateItemResponse.Builder out = UpdateItemResponse.builder();
    switch (r.returnValuesAsString() == null ? "NONE" : r.returnValuesAsString()) {
      case "ALL_NEW" -> out.attributes(updated);
      case "ALL_OLD" -> {
        if (old != null) {
          out.attributes(old);
        }
      }
      case "UPDATED_NEW" -> out.attributes(changed(old, updated, updated));
      case "UPDATED_OLD" -> {
        if (old != null) {
          out.attributes(changed(old, updated, old));
        }
      }
      default -> {}
    }
    return out.build();
  }

  /**
   * The attributes UPDATED_NEW or UPDATED_OLD return: those that changed, as found in {@code from}.
   */
  private static Map<String, AttributeValue> changed(
      Map<String, AttributeValue> before,
      Map<String, AttributeValue> after,
      Map<String, AttributeValue> from) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>(after.keySet());
    if (before != null) {
      names.addAll(before.keySet());
    }
    for (String n : names) {
      AttributeValue a = before == null ? null : before.get(n);
      if (!Objects.equals(a, after.get(n)) && from.get(n) != null) {
        out.put(n, from.get(n));
      }
    }
    return out;
  }

  /** Throws ConditionalCheckFailedException unless {@code condition} holds for the current item. */
  private static void check(
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values,
      Map<String, AttributeValue> current) {
    if (condition == null) {
      return;
    }
    if (!Expressions.condition(condition, names, values)
        .test(current == null ? Map.of() : current)) {
      throw new AwsException(AwsError.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
    }
  }
}
