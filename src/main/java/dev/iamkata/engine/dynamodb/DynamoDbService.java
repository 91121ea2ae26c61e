package dev.iamkata.engine.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.protocol.json.JsonProtocol;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.ServiceData;
import java.util.List;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * DynamoDB: tables per account and region, items in memory. Every operation is authorized on the
 * table's ARN ({@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME}; ListTables on {@code table/*})
 * before it runs. Tables become {@code ACTIVE} at once; they and their items are part of snapshots
 * (see {@link #data()}), and a reset starts with none.
 */
public final class DynamoDbService {
  public static final String TARGET_PREFIX = "DynamoDB_20120810";

  private final TableOperations tableOperations;
  private final ItemOperations itemOperations;
  private final ReadOperations readOperations;
  private final ConditionKeys conditionKeys;
  private final TableStore store;

  public DynamoDbService(EngineState state) {
    this.store = new TableStore(state);
    this.tableOperations = new TableOperations(store);
    this.itemOperations = new ItemOperations(store);
    this.readOperations = new ReadOperations(store);
    this.conditionKeys = new ConditionKeys(store);
  }

  /** The tables and their items in snapshots, under this service's lock. */
  public ServiceData data() {
    DynamoDbService lock = this;
    return new ServiceData() {
      @Override
      public String name() {
        return "dynamodb";
      }

      @Override
      public JsonNode export(EngineState current) {
        synchronized (lock) {
          return store.export(current);
        }
      }

      @Override
      public Runnable restore(JsonNode section, EngineState incoming) {
        Runnable install = store.restore(section, incoming);
        return () -> {
          synchronized (lock) {
            install.run();
          }
        };
      }
    };
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
                locked(tableOperations::listTables)),
            new Operation<>(
                "CreateTable",
                "dynamodb:CreateTable",
                CreateTableRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                locked(tableOperations::createTable)),
            new Operation<>(
                "DescribeTable",
                "dynamodb:DescribeTable",
                DescribeTableRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                locked(tableOperations::describeTable)),
            new Operation<>(
                "DeleteTable",
                "dynamodb:DeleteTable",
                DeleteTableRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                locked(tableOperations::deleteTable)),
            new Operation<>(
                "PutItem",
                "dynamodb:PutItem",
                PutItemRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                locked(itemOperations::putItem)),
            new Operation<>(
                "GetItem",
                "dynamodb:GetItem",
                GetItemRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                locked(itemOperations::getItem)),
            new Operation<>(
                "DeleteItem",
                "dynamodb:DeleteItem",
                DeleteItemRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                locked(itemOperations::deleteItem)),
            new Operation<>(
                "UpdateItem",
                "dynamodb:UpdateItem",
                UpdateItemRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                locked(itemOperations::updateItem)),
            new Operation<>(
                "Query",
                "dynamodb:Query",
                QueryRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                locked(readOperations::query)),
            new Operation<>(
                "Scan",
                "dynamodb:Scan",
                ScanRequest::builder,
                (c, r) -> arn(c, r.tableName()),
                locked(readOperations::scan)));
    List<Operation<?, ?>> withKeys =
        rows.stream().<Operation<?, ?>>map(r -> r.withContext(locked(conditionKeys::of))).toList();
    return Service.of("dynamodb", protocol, null, TARGET_PREFIX, null, withKeys);
  }

  /** {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME} in the caller's account and region. */
  static String arn(Caller caller, String table) {
    return "arn:aws:dynamodb:" + caller.region() + ":" + caller.account() + ":table/" + table;
  }

  /**
   * Runs {@code handler} under this service's lock. The tables and their items are plain maps, so
   * every operation, and the condition keys that read a table's key schema, take the one lock.
   */
  private <Q, R> BiFunction<Caller, Q, R> locked(BiFunction<Caller, Q, R> handler) {
    return (caller, request) -> {
      synchronized (this) {
        return handler.apply(caller, request);
      }
    };
  }
}
