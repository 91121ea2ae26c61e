package dev.iamkata.engine.dynamodb;

import static dev.iamkata.engine.dynamodb.DynamoDbErrors.validation;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** ListTables, CreateTable, DescribeTable and DeleteTable. Tables become ACTIVE at once. */
final class TableOperations {
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

  private final TableStore store;

  TableOperations(TableStore store) {
    this.store = store;
  }

  ListTablesResponse listTables(Caller caller, ListTablesRequest r) {
    int limit = r.limit() == null ? 100 : r.limit();
    if (limit < 1 || limit > 100) {
      throw validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value less than or"
              + " equal to 100");
    }
    List<String> names = new ArrayList<>(new TreeMap<>(store.region(caller)).keySet());
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

  CreateTableResponse createTable(Caller caller, CreateTableRequest r) {
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
    Map<String, Table> region = store.region(caller);
    if (region.containsKey(r.tableName())) {
      throw new AwsException(AwsError.RESOURCE_IN_USE, "Table already exists: " + r.tableName());
    }
    Table table =
        new Table(
            r.tableName(),
            DynamoDbService.arn(caller, r.tableName()),
            UUID.randomUUID().toString(),
            caller.time(),
            List.copyOf(r.keySchema()),
            List.copyOf(r.attributeDefinitions()),
            onDemand ? "PAY_PER_REQUEST" : "PROVISIONED",
            onDemand ? 0 : r.provisionedThroughput().readCapacityUnits(),
            onDemand ? 0 : r.provisionedThroughput().writeCapacityUnits());
    region.put(table.name, table);
    return CreateTableResponse.builder().tableDescription(describe(table, "CREATING")).build();
  }

  DescribeTableResponse describeTable(Caller caller, DescribeTableRequest r) {
    Table table = store.region(caller).get(r.tableName());
    if (table == null) {
      throw new AwsException(
          AwsError.RESOURCE_NOT_FOUND,
          TableStore.NOT_FOUND + ": Table: " + r.tableName() + " not found");
    }
    return DescribeTableResponse.builder().table(describe(table, "ACTIVE")).build();
  }

  DeleteTableResponse deleteTable(Caller caller, DeleteTableRequest r) {
    Table table = store.table(caller, r.tableName());
    store.region(caller).remove(table.name);
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

  private static long size(Map<String, AttributeValue> item) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      bytes += e.getKey().length() + e.getValue().toString().length();
    }
    return bytes;
  }
}
