package dev.iamkata.engine.dynamodb;

import dev.iamkata.engine.auth.Caller;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * DynamoDB's own condition keys: {@code dynamodb:LeadingKeys} (the partition key value of an item
 * operation or a query's key condition), {@code dynamodb:Select}, {@code dynamodb:ReturnValues} and
 * {@code dynamodb:Attributes} (the attribute names a PutItem writes).
 */
final class ConditionKeys {
  private static final Pattern EQUALITY =
      Pattern.compile("(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)");

  private final TableStore store;

  ConditionKeys(TableStore store) {
    this.store = store;
  }

  /** The keys for one request; reads the table's key schema, so runs under the service's lock. */
  Map<String, List<String>> of(Caller caller, Object request) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    String tableName = null;
    Map<String, AttributeValue> key = null;
    if (request instanceof GetItemRequest r) {
      tableName = r.tableName();
      key = r.key();
      select(keys, r.projectionExpression() == null ? null : "SPECIFIC_ATTRIBUTES");
    } else if (request instanceof DeleteItemRequest r) {
      tableName = r.tableName();
      key = r.key();
      returnValues(keys, r.returnValuesAsString());
    } else if (request instanceof UpdateItemRequest r) {
      tableName = r.tableName();
      key = r.key();
      returnValues(keys, r.returnValuesAsString());
    } else if (request instanceof PutItemRequest r) {
      tableName = r.tableName();
      key = r.item();
      returnValues(keys, r.returnValuesAsString());
      if (r.hasItem()) {
        keys.put("dynamodb:Attributes", List.copyOf(r.item().keySet()));
      }
    } else if (request instanceof QueryRequest r) {
      tableName = r.tableName();
      select(keys, r.selectAsString());
      Table table = tableName == null ? null : store.region(caller).get(tableName);
      if (table != null && r.keyConditionExpression() != null) {
        String v =
            hashValueOf(
                table.hashKey(),
                r.keyConditionExpression(),
                r.expressionAttributeNames(),
                r.expressionAttributeValues());
        if (v != null) {
          keys.put("dynamodb:LeadingKeys", List.of(v));
        }
      }
      return keys;
    } else if (request instanceof ScanRequest r) {
      select(keys, r.selectAsString());
      return keys;
    }
    Table table = tableName == null ? null : store.region(caller).get(tableName);
    if (table != null && key != null) {
      String v = scalar(key.get(table.hashKey()));
      if (v != null) {
        keys.put("dynamodb:LeadingKeys", List.of(v));
      }
    }
    return keys;
  }

  private static void select(Map<String, List<String>> keys, String select) {
    if (select != null) {
      keys.put("dynamodb:Select", List.of(select));
    }
  }

  private static void returnValues(Map<String, List<String>> keys, String returnValues) {
    if (returnValues != null) {
      keys.put("dynamodb:ReturnValues", List.of(returnValues));
    }
  }

  /** The value compared with {@code = } to the hash key in a key condition, or null. */
  private static String hashValueOf(
      String hashKey,
      String expression,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    Matcher m = EQUALITY.matcher(expression);
    while (m.find()) {
      String left = m.group(1);
      String right = m.group(2);
      String name = left.startsWith("#") && names != null ? names.get(left) : left;
      if (hashKey.equals(name) && values != null) {
        return scalar(values.get(right));
      }
    }
    return null;
  }

  private static String scalar(AttributeValue v) {
    if (v == null) {
      return null;
    }
    if (v.s() != null) {
      return v.s();
    }
    if (v.n() != null) {
      return v.n();
    }
    return v.b() == null ? null : Base64.getEncoder().encodeToString(v.b().asByteArrayUnsafe());
  }
}
