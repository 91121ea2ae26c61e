package dev.iamkata.engine.dynamodb;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.clock.VirtualClock;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.protocol.json.JsonProtocol;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * DynamoDB: tables per account and region, items in memory. Every operation is authorized on the
 * table's ARN ({@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME}; ListTables on {@code table/*})
 * before it runs. Tables become {@code ACTIVE} at once; they are not part of snapshots, and a reset
 * or restore starts with none.
 */
public final class DynamoDbService {
  public static final String TARGET_PREFIX = "DynamoDB_20120810";
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
  private static final String NOT_FOUND = "Requested resource not found";
  private static final Pattern EQUALITY =
      Pattern.compile("(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)");

  private final EngineState state;
  private final VirtualClock clock;

  /**
   * Tables by account, then region, then name; guarded by {@code this}. Keyed by the account object
   * itself, so a reset or restore, which replaces the accounts, starts with no tables.
   */
  private final Map<Account, Map<String, Map<String, Table>>> tables = new WeakHashMap<>();

  public DynamoDbService(EngineState state, VirtualClock clock) {
    this.state = state;
    this.clock = clock;
  }

  /** The routing table, as a {@link Service} of the JSON 1.0 protocol. */
  public Service service(JsonProtocol protocol) {
    List<Operation<?, ?>> rows =
        List.of(
            new Operation<>(
                "ListTables",
                "dynamodb:ListTables",
                ListTablesRequest::builder,
                (c, r) -> arn(c, "*"),
                this::listTables),
            new Operation<>(
                "CreateTable",
                "dynamodb:CreateTable",
                CreateTableRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                this::createTable),
            new Operation<>(
                "DescribeTable",
                "dynamodb:DescribeTable",
                DescribeTableRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                this::describeTable),
            new Operation<>(
                "DeleteTable",
                "dynamodb:DeleteTable",
                DeleteTableRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                this::deleteTable),
            new Operation<>(
                "PutItem",
                "dynamodb:PutItem",
                PutItemRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                this::putItem),
            new Operation<>(
                "GetItem",
                "dynamodb:GetItem",
                GetItemRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                this::getItem),
            new Operation<>(
                "DeleteItem",
                "dynamodb:DeleteItem",
                DeleteItemRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                this::deleteItem),
            new Operation<>(
                "UpdateItem",
                "dynamodb:UpdateItem",
                UpdateItemRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                this::updateItem),
            new Operation<>(
                "Query",
                "dynamodb:Query",
                QueryRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                this::query),
            new Operation<>(
                "Scan",
                "dynamodb:Scan",
                ScanRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                this::scan));
    List<Operation<?, ?>> withKeys =
        rows.stream().<Operation<?, ?>>map(r -> r.withContext(this::conditionKeys)).toList();
    return Service.of("dynamodb", protocol, null, TARGET_PREFIX, null, withKeys);
  }

  /** {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME} in the caller's account and region. */
  static String arn(Caller caller, String table) {
    return "arn:aws:dynamodb:" + caller.region() + ":" + caller.account() + ":table/" + table;
  }

  /**
   * DynamoDB's own condition keys: {@code dynamodb:LeadingKeys} (the partition key value of an item
   * operation or a query's key condition), {@code dynamodb:Select}, {@code dynamodb:ReturnValues}
   * and {@code dynamodb:Attributes} (the attribute names a PutItem writes).
   */
  private synchronized Map<String, List<String>> conditionKeys(Caller caller, Object request) {
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
      Table table = tableName == null ? null : region(caller).get(tableName);
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
    Table table = tableName == null ? null : region(caller).get(tableName);
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

  // --- tables

  private synchronized ListTablesResponse listTables(Caller caller, ListTablesRequest r) {
    int limit = r.limit() == null ? 100 : r.limit();
    if (limit < 1 || limit > 100) {
      throw validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value less than or"
              + " equal to 100");
    }
    List<String> names = new ArrayList<>(new TreeMap<>(region(caller)).keySet());
    if (r.exclusiveStartTableName() != null) {
      names.removeIf(n -> n.compareTo(r.exclusiveStartTableName()) <= 0);
    }
    ListTablesResponse.Builder out = ListTablesResponse.builder();
    if (names.size() > limit) {
      names = names.subList(0, limit);
      out.lastEvaluatedTableName(names.get(limit - 1));
    }
    return out.tableNames(names).build();
  }

  private synchronized CreateTableResponse createTable(Caller caller, CreateTableRequest r) {
    checkName(r.tableName());
    if (!r.hasKeySchema() || r.keySchema().isEmpty()) {
      throw validation(
          "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint:"
              + " Member must not be null");
    }
    long hashKeys = r.keySchema().stream().filter(k -> "HASH".equals(k.keyTypeAsString())).count();
    if (hashKeys != 1 || r.keySchema().size() > 2) {
      throw validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    for (KeySchemaElement k : r.keySchema()) {
      if (!r.hasAttributeDefinitions()
          || r.attributeDefinitions().stream()
              .noneMatch(a -> a.attributeName().equals(k.attributeName()))) {
        throw validation(
            "One or more parameter values were invalid: Some index key attributes are not defined"
                + " in AttributeDefinitions. Keys: ["
                + k.attributeName()
                + "], AttributeDefinitions: []");
      }
    }
    boolean onDemand = "PAY_PER_REQUEST".equals(r.billingModeAsString());
    if (!onDemand && r.provisionedThroughput() == null) {
      throw validation(
          "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits"
              + " must both be specified when BillingMode is PROVISIONED");
    }
    Map<String, Table> region = region(caller);
    if (region.containsKey(r.tableName())) {
      throw new AwsException(AwsError.RESOURCE_IN_USE, "Table already exists: " + r.tableName());
    }
    Table table =
        new Table(
            r.tableName(),
            arn(caller, r.tableName()),
            UUID.randomUUID().toString(),
            clock.instant(),
            List.copyOf(r.keySchema()),
            List.copyOf(r.attributeDefinitions()),
            onDemand ? "PAY_PER_REQUEST" : "PROVISIONED",
            onDemand ? 0 : r.provisionedThroughput().readCapacityUnits(),
            onDemand ? 0 : r.provisionedThroughput().writeCapacityUnits());
    region.put(table.name, table);
    return CreateTableResponse.builder().tableDescription(describe(table, "CREATING")).build();
  }

  private synchronized DescribeTableResponse describeTable(Caller caller, DescribeTableRequest r) {
    Table table = region(caller).get(r.tableName());
    if (table == null) {
      throw new AwsException(
          AwsError.RESOURCE_NOT_FOUND, NOT_FOUND + ": Table: " + r.tableName() + " not found");
    }
    return DescribeTableResponse.builder().table(describe(table, "ACTIVE")).build();
  }

  private synchronized DeleteTableResponse deleteTable(Caller caller, DeleteTableRequest r) {
    Table table = table(caller, r.tableName());
    region(caller).remove(table.name);
    return DeleteTableResponse.builder().tableDescription(describe(table, "DELETING")).build();
  }

  private static TableDescription describe(Table table, String status) {
    long bytes = 0;
    for (Map<String, AttributeValue> item : table.items.values()) {
      bytes += size(item);
    }
    TableDescription.Builder d =
        TableDescription.builder()
            .tableName(table.name)
            .tableArn(table.arn)
            .tableId(table.id)
            .tableStatus(status)
            .creationDateTime(table.created)
            .keySchema(table.keySchema)
            .attributeDefinitions(table.attributes)
            .itemCount((long) table.items.size())
            .tableSizeBytes(bytes)
            .deletionProtectionEnabled(false)
            .provisionedThroughput(
                ProvisionedThroughputDescription.builder()
                    .numberOfDecreasesToday(0L)
                    .readCapacityUnits(table.readCapacity)
                    .writeCapacityUnits(table.writeCapacity)
                    .build());
    if (table.billingMode.equals("PAY_PER_REQUEST")) {
      d.billingModeSummary(
          BillingModeSummary.builder()
              .billingMode(table.billingMode)
              .lastUpdateToPayPerRequestDateTime(table.created)
              .build());
    }
    return d.build();
  }

  // --- items

  private synchronized PutItemResponse putItem(Caller caller, PutItemRequest r) {
    Table table = table(caller, r.tableName());
    if (!r.hasItem()) {
      throw validation(
          "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member"
              + " must not be null");
    }
    String key = itemKey(table, r.item(), true);
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

  private synchronized GetItemResponse getItem(Caller caller, GetItemRequest r) {
    Table table = table(caller, r.tableName());
    Map<String, AttributeValue> item = table.items.get(exactKey(table, r.key()));
    GetItemResponse.Builder out = GetItemResponse.builder();
    if (item != null) {
      out.item(project(item, r.projectionExpression(), r.expressionAttributeNames()));
    }
    return out.build();
  }

  private synchronized DeleteItemResponse deleteItem(Caller caller, DeleteItemRequest r) {
    Table table = table(caller, r.tableName());
    String key = exactKey(table, r.key());
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

  private synchronized UpdateItemResponse updateItem(Caller caller, UpdateItemRequest r) {
    Table table = table(caller, r.tableName());
    String key = exactKey(table, r.key());
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
      if (!Expressions.equal(updated.get(k), r.key().get(k))) {
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

  private static Map<String, AttributeValue> changed(
      Map<String, AttributeValue> before,
      Map<String, AttributeValue> after,
      Map<String, AttributeValue> from) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    java.util.Set<String> names = new java.util.LinkedHashSet<>(after.keySet());
    if (before != null) {
      names.addAll(before.keySet());
    }
    for (String n : names) {
      AttributeValue a = before == null ? null : before.get(n);
      if (!java.util.Objects.equals(a, after.get(n)) && from.get(n) != null) {
        out.put(n, from.get(n));
      }
    }
    return out;
  }

  // --- reads

  private synchronized QueryResponse query(Caller caller, QueryRequest r) {
    Table table = table(caller, r.tableName());
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
            Integer c = Expressions.compare(a.get(range), b.get(range));
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
      out.items(project(page.items, r.projectionExpression(), r.expressionAttributeNames()));
    }
    if (page.lastKey != null) {
      out.lastEvaluatedKey(page.lastKey);
    }
    return out.build();
  }

  private synchronized ScanResponse scan(Caller caller, ScanRequest r) {
    Table table = table(caller, r.tableName());
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
      out.items(project(page.items, r.projectionExpression(), r.expressionAttributeNames()));
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
      String start = itemKey(table, startKey, false);
      while (it.hasNext()) {
        if (itemKey(table, it.next(), false).equals(start)) {
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
          last = keyOf(table, item);
        }
        break;
      }
    }
    return new Page(out, scanned, last);
  }

  // --- helpers

  private Map<String, Table> region(Caller caller) {
    Account account = state.read(() -> state.account(caller.account()).orElseThrow());
    return tables
        .computeIfAbsent(account, k -> new HashMap<>())
        .computeIfAbsent(caller.region(), k -> new LinkedHashMap<>());
  }

  private Table table(Caller caller, String name) {
    Table table = region(caller).get(name);
    if (table == null) {
      throw new AwsException(AwsError.RESOURCE_NOT_FOUND, NOT_FOUND);
    }
    return table;
  }

  private static void checkName(String name) {
    if (name == null) {
      throw validation(
          "1 validation error detected: Value null at 'tableName' failed to satisfy constraint:"
              + " Member must not be null");
    }
    if (name.length() < 3 || name.length() > 255 || !TABLE_NAME.matcher(name).matches()) {
      throw validation(
          "1 validation error detected: Value '"
              + name
              + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: [a-zA-Z0-9_.-]+");
    }
  }

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

  /** The key of a Get/Delete/Update request: exactly the table's key attributes. */
  private static String exactKey(Table table, Map<String, AttributeValue> key) {
    int expected = table.rangeKey() == null ? 1 : 2;
    if (key == null || key.size() != expected) {
      throw validation("The provided key element does not match the schema");
    }
    return itemKey(table, key, false);
  }

  /** A canonical string for an item's primary key, checking presence and type. */
  private static String itemKey(Table table, Map<String, AttributeValue> item, boolean isItem) {
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

  private static Map<String, AttributeValue> keyOf(Table table, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (KeySchemaElement k : table.keySchema) {
      key.put(k.attributeName(), item.get(k.attributeName()));
    }
    return key;
  }

  private static List<Map<String, AttributeValue>> project(
      List<Map<String, AttributeValue>> items, String projection, Map<String, String> names) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      out.add(project(item, projection, names));
    }
    return out;
  }

  /** Keeps the projected top-level attributes ({@code a, #b, c.d} keeps a, b and c). */
  private static Map<String, AttributeValue> project(
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

  private static long size(Map<String, AttributeValue> item) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      bytes += e.getKey().length() + e.getValue().toString().length();
    }
    return bytes;
  }

  private static AwsException validation(String message) {
    return new AwsException(AwsError.VALIDATION_EXCEPTION, message);
  }
}
