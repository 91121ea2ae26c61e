package dev.iamkata.engine.dynamodb;

import static dev.iamkata.engine.dynamodb.DynamoDbErrors.validation;

import dev.iamkata.engine.auth.Caller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Query and Scan: key conditions, ordering, paging, filters and projections. */
final class ReadOperations {
  private final TableStore store;

  ReadOperations(TableStore store) {
    this.store = store;
  }

  QueryResponse query(Caller caller, QueryRequest r) {
    Table table = store.table(caller, r.tableName());
    if (r.keyConditionExpression() == null) {
      throw validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the"
              + " request.");
    }
    List<String> paths =
        Expressions.paths(r.keyConditionExpression(), r.expressionAttributeNames());
    if (!paths.contains(table.hashKey())) {
      throw validation("Query condition missed key schema element: " + table.hashKey());
    }
    for (String p : paths) {
      if (!p.equals(table.hashKey()) && !p.equals(table.rangeKey())) {
        throw validation("Query condition missed key schema element: " + p);
      }
    }
    Expressions.Condition keys =
        Expressions.condition(
            r.keyConditionExpression(),
            r.expressionAttributeNames(),
            r.expressionAttributeValues());
    List<Map<String, AttributeValue>> matching = new ArrayList<>();
    for (Map<String, AttributeValue> item : table.items.values()) {
      if (keys.test(item)) {
        matching.add(item);
      }
    }
    String range = table.rangeKey();
    if (range != null) {
      Comparator<Map<String, AttributeValue>> order =
          (a, b) -> {
            Integer c = AttributeValues.compare(a.get(range), b.get(range));
            return c == null ? 0 : c;
          };
      matching.sort(Boolean.FALSE.equals(r.scanIndexForward()) ? order.reversed() : order);
    }
    Page page =
        page(
            table,
            matching,
            r.exclusiveStartKey(),
            r.limit(),
            r.filterExpression(),
            r.expressionAttributeNames(),
            r.expressionAttributeValues());
    QueryResponse.Builder out =
        QueryResponse.builder().count(page.items.size()).scannedCount(page.scanned);
    if (!"COUNT".equals(r.selectAsString())) {
      out.items(
          Projection.project(page.items, r.projectionExpression(), r.expressionAttributeNames()));
    }
    if (page.lastKey != null) {
      out.lastEvaluatedKey(page.lastKey);
    }
    return out.build();
  }

  ScanResponse scan(Caller caller, ScanRequest r) {
    Table table = store.table(caller, r.tableName());
    Page page =
        page(
            table,
            new ArrayList<>(table.items.values()),
            r.exclusiveStartKey(),
            r.limit(),
            r.filterExpression(),
            r.expressionAttributeNames(),
            r.expressionAttributeValues());
    ScanResponse.Builder out =
        ScanResponse.builder().count(page.items.size()).scannedCount(page.scanned);
    if (!"COUNT".equals(r.selectAsString())) {
      out.items(
          Projection.project(page.items, r.projectionExpression(), r.expressionAttributeNames()));
    }
    if (page.lastKey != null) {
      out.lastEvaluatedKey(page.lastKey);
    }
    return out.build();
  }

  private record Page(
      List<Map<String, AttributeValue>> items, int scanned, Map<String, AttributeValue> lastKey) {}

  /** Applies ExclusiveStartKey, Limit (on items evaluated) and the filter, in DynamoDB's order. */
  private static Page page(
      Table table,
      List<Map<String, AttributeValue>> ordered,
      Map<String, AttributeValue> startKey,
      Integer limit,
      String filter,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    if (limit != null && limit < 1) {
      throw validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value greater than or"
              + " equal to 1");
    }
    Expressions.Condition keep = Expressions.condition(filter, names, values);
    Iterator<Map<String, AttributeValue>> it = ordered.iterator();
    if (startKey != null && !startKey.isEmpty()) {
      String start = ItemKeys.itemKey(table, startKey, false);
      while (it.hasNext()) {
        if (ItemKeys.itemKey(table, it.next(), false).equals(start)) {
          break;
        }
      }
    }
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    int scanned = 0;
    Map<String, AttributeValue> last = null;
    while (it.hasNext()) {
      Map<String, AttributeValue> item = it.next();
      scanned++;
      if (keep.test(item)) {
        out.add(item);
      }
      if (limit != null && scanned == limit) {
        if (it.hasNext()) {
          last = ItemKeys.keyOf(table, item);
        }
        break;
      }
    }
    return new Page(out, scanned, last);
  }
}
