package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** DynamoDB over HTTP with the AWS SDK for Java v2: tables, items, expressions, denials. */
class DynamoDbIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;

  TestEngine engine;
  DynamoDbClient admin;

  @BeforeEach
  void setUp() {
    engine = TestEngine.start();
    admin = engine.dynamodb(TestEngine.admin());
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  TableDescription createOrders() {
    return admin
        .createTable(
            b ->
                b.tableName("orders")
                    .keySchema(
                        KeySchemaElement.builder()
                            .attributeName("customer")
                            .keyType(KeyType.HASH)
                            .build(),
                        KeySchemaElement.builder()
                            .attributeName("order")
                            .keyType(KeyType.RANGE)
                            .build())
                    .attributeDefinitions(
                        AttributeDefinition.builder()
                            .attributeName("customer")
                            .attributeType(ScalarAttributeType.S)
                            .build(),
                        AttributeDefinition.builder()
                            .attributeName("order")
                            .attributeType(ScalarAttributeType.N)
                            .build())
                    .billingMode(BillingMode.PAY_PER_REQUEST))
        .tableDescription();
  }

  @Test
  void tablesLifecycle() {
    assertEquals(List.of(), admin.listTables().tableNames());
    TableDescription created = createOrders();
    assertEquals("arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders", created.tableArn());
    assertEquals("CREATING", created.tableStatusAsString());
    TableDescription described = admin.describeTable(b -> b.tableName("orders")).table();
    assertEquals("ACTIVE", described.tableStatusAsString());
    assertEquals("order", described.keySchema().get(1).attributeName());
    assertEquals(BillingMode.PAY_PER_REQUEST, described.billingModeSummary().billingMode());
    assertEquals(created.creationDateTime(), described.creationDateTime());
    assertEquals(List.of("orders"), admin.listTables().tableNames());

    ResourceInUseException exists = assertThrows(ResourceInUseException.class, this::createOrders);
    assertEquals("Table already exists: orders", exists.awsErrorDetails().errorMessage());

    admin.deleteTable(b -> b.tableName("orders"));
    ResourceNotFoundException gone =
        assertThrows(
            ResourceNotFoundException.class, () -> admin.describeTable(b -> b.tableName("orders")));
    assertEquals(
        "Requested resource not found: Table: orders not found",
        gone.awsErrorDetails().errorMessage());
    assertEquals(400, gone.statusCode());
  }

  @Test
  void itemsAndExpressions() {
    createOrders();
    for (int i = 1; i <= 5; i++) {
      int order = i;
      admin.putItem(
          b ->
              b.tableName("orders")
                  .item(
                      Map.of(
                          "customer", s(order <= 3 ? "alice" : "bob"),
                          "order", n(String.valueOf(order)),
                          "total", n(String.valueOf(order * 10)),
                          "tags", AttributeValue.fromSs(List.of("new")))));
    }
    Map<String, AttributeValue> key = Map.of("customer", s("alice"), "order", n("2"));
    assertEquals(n("20"), admin.getItem(b -> b.tableName("orders").key(key)).item().get("total"));
    assertFalse(
        admin
            .getItem(b -> b.tableName("orders").key(Map.of("customer", s("x"), "order", n("9"))))
            .hasItem());

    Map<String, AttributeValue> updated =
        admin
            .updateItem(
                b ->
                    b.tableName("orders")
                        .key(key)
                        .updateExpression("SET total = total + :inc, #s = :s REMOVE tags")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":inc", n("5"), ":s", s("paid")))
                        .returnValues(ReturnValue.ALL_NEW))
            .attributes();
    assertEquals(n("25"), updated.get("total"));
    assertEquals(s("paid"), updated.get("status"));
    assertFalse(updated.containsKey("tags"));

    QueryResponse q =
        admin.query(
            b ->
                b.tableName("orders")
                    .keyConditionExpression("customer = :c AND #o >= :min")
                    .filterExpression("total > :t")
                    .expressionAttributeNames(Map.of("#o", "order"))
                    .expressionAttributeValues(
                        Map.of(":c", s("alice"), ":min", n("2"), ":t", n("21")))
                    .scanIndexForward(false));
    assertEquals(2, q.scannedCount());
    assertEquals(List.of(n("3"), n("2")), q.items().stream().map(i -> i.get("order")).toList());

    ScanResponse page1 = admin.scan(b -> b.tableName("orders").limit(3));
    assertEquals(3, page1.count());
    assertTrue(page1.hasLastEvaluatedKey());
    ScanResponse page2 =
        admin.scan(b -> b.tableName("orders").exclusiveStartKey(page1.lastEvaluatedKey()));
    assertEquals(2, page2.count());
    assertTrue(page2.lastEvaluatedKey().isEmpty());
    assertEquals(
        2,
        admin
            .scan(
                b ->
                    b.tableName("orders")
                        .filterExpression("begins_with(customer, :p)")
                        .expressionAttributeValues(Map.of(":p", s("bo"))))
            .count());

    ConditionalCheckFailedException failed =
        assertThrows(
            ConditionalCheckFailedException.class,
            () ->
                admin.putItem(
                    b ->
                        b.tableName("orders")
                            .item(key)
                            .conditionExpression("attribute_not_exists(customer)")));
    assertEquals("The conditional request failed", failed.awsErrorDetails().errorMessage());

    Map<String, AttributeValue> old =
        admin
            .deleteItem(b -> b.tableName("orders").key(key).returnValues(ReturnValue.ALL_OLD))
            .attributes();
    assertEquals(s("paid"), old.get("status"));
    assertEquals(4, admin.scan(b -> b.tableName("orders")).count());

    DynamoDbException badKey =
        assertThrows(
            DynamoDbException.class,
            () -> admin.getItem(b -> b.tableName("orders").key(Map.of("customer", s("alice")))));
    assertEquals("ValidationException", badKey.awsErrorDetails().errorCode());
    assertEquals(
        "The provided key element does not match the schema",
        badKey.awsErrorDetails().errorMessage());
    DynamoDbException missing =
        assertThrows(
            DynamoDbException.class,
            () -> admin.putItem(b -> b.tableName("orders").item(Map.of("order", n("1")))));
    assertEquals(
        "One or more parameter values were invalid: Missing the key customer in the item",
        missing.awsErrorDetails().errorMessage());
    assertThrows(
        ResourceNotFoundException.class, () -> admin.getItem(b -> b.tableName("nope").key(key)));
  }

  /** dev-user assumes dev-role, which has no DynamoDB permission: the article's denial. */
  Credentials devSession() {
    IamClient iam = engine.adminIam();
    iam.createUser(b -> b.userName("dev-user"));
    var key = iam.createAccessKey(b -> b.userName("dev-user")).accessKey();
    String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/dev-role";
    iam.putUserPolicy(
        b ->
            b.userName("dev-user")
                .policyName("assume")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"sts:AssumeRole\",\"Resource\":\""
                        + roleArn
                        + "\"}]}"));
    iam.createRole(
        b ->
            b.roleName("dev-role")
                .assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"AWS\":\"arn:aws:iam::"
                        + ACCOUNT
                        + ":user/dev-user\"},\"Action\":\"sts:AssumeRole\"}]}"));
    return engine
        .sts(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))
        .assumeRole(b -> b.roleArn(roleArn).roleSessionName("dev-session"))
        .credentials();
  }

  @Test
  void listTablesDeniedForTheRoleSession() {
    DynamoDbClient dev = engine.dynamodb(TestEngine.session(devSession()));
    DynamoDbException denied = assertThrows(DynamoDbException.class, dev::listTables);
    assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
    assertEquals(400, denied.statusCode());
    assertEquals(
        "User: arn:aws:sts::"
            + ACCOUNT
            + ":assumed-role/dev-role/dev-session is not authorized to perform:"
            + " dynamodb:ListTables on resource: arn:aws:dynamodb:us-east-1:"
            + ACCOUNT
            + ":table/* because no identity-based policy allows the dynamodb:ListTables action",
        denied.awsErrorDetails().errorMessage());
  }

  @Test
  void allowedByPolicyOnTheTableArn() {
    createOrders();
    Credentials session = devSession();
    engine
        .adminIam()
        .putRolePolicy(
            b ->
                b.roleName("dev-role")
                    .policyName("orders-rw")
                    .policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":[\"dynamodb:PutItem\",\"dynamodb:GetItem\"],\"Resource\":"
                            + "\"arn:aws:dynamodb:*:*:table/orders\"}]}"));
    DynamoDbClient dev = engine.dynamodb(TestEngine.session(session));
    Map<String, AttributeValue> item = Map.of("customer", s("carol"), "order", n("7"));
    dev.putItem(b -> b.tableName("orders").item(item));
    assertEquals(item, dev.getItem(b -> b.tableName("orders").key(item)).item());
    DynamoDbException denied =
        assertThrows(DynamoDbException.class, () -> dev.deleteTable(b -> b.tableName("orders")));
    assertEquals(
        "User: arn:aws:sts::"
            + ACCOUNT
            + ":assumed-role/dev-role/dev-session is not authorized to perform:"
            + " dynamodb:DeleteTable on resource: arn:aws:dynamodb:us-east-1:"
            + ACCOUNT
            + ":table/orders because no identity-based policy allows the dynamodb:DeleteTable"
            + " action",
        denied.awsErrorDetails().errorMessage());
  }

  @Test
  void leadingKeysConditionLimitsItemsToOnePartition() {
    createOrders();
    Credentials session = devSession();
    engine
        .adminIam()
        .putRolePolicy(
            b ->
                b.roleName("dev-role")
                    .policyName("own-partition")
                    .policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":[\"dynamodb:PutItem\",\"dynamodb:Query\"],\"Resource\":"
                            + "\"arn:aws:dynamodb:us-east-1:"
                            + ACCOUNT
                            + ":table/orders\",\"Condition\":{\"ForAllValues:StringEquals\":"
                            + "{\"dynamodb:LeadingKeys\":[\"carol\"]}}}]}"));
    DynamoDbClient dev = engine.dynamodb(TestEngine.session(session));
    dev.putItem(b -> b.tableName("orders").item(Map.of("customer", s("carol"), "order", n("1"))));
    DynamoDbException other =
        assertThrows(
            DynamoDbException.class,
            () ->
                dev.putItem(
                    b ->
                        b.tableName("orders")
                            .item(Map.of("customer", s("dave"), "order", n("1")))));
    assertEquals("AccessDeniedException", other.awsErrorDetails().errorCode());
    assertEquals(
        1,
        dev.query(
                b ->
                    b.tableName("orders")
                        .keyConditionExpression("#c = :c")
                        .expressionAttributeNames(Map.of("#c", "customer"))
                        .expressionAttributeValues(Map.of(":c", s("carol"))))
            .count());
    assertThrows(
        DynamoDbException.class,
        () ->
            dev.query(
                b ->
                    b.tableName("orders")
                        .keyConditionExpression("customer = :c")
                        .expressionAttributeValues(Map.of(":c", s("dave")))));
  }

  @Test
  void aResetStartsWithNoTables() {
    createOrders();
    dev.iamkata.engine.state.EngineState fresh = new dev.iamkata.engine.state.EngineState();
    Bootstrap.account(fresh, ACCOUNT, TestEngine.ADMIN, engine.engine().clock().instant());
    engine.engine().state().replaceWith(fresh);
    assertEquals(List.of(), admin.listTables().tableNames());
  }

  @Test
  void expiredSessionAndUnknownKey() {
    Credentials session = devSession();
    engine.engine().clock().advance(Duration.ofHours(1));
    DynamoDbClient expired = engine.dynamodb(TestEngine.session(session));
    DynamoDbException e = assertThrows(DynamoDbException.class, expired::listTables);
    assertEquals("ExpiredTokenException", e.awsErrorDetails().errorCode());
    assertEquals(
        "The security token included in the request is expired",
        e.awsErrorDetails().errorMessage());

    AwsCredentials unknown = AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "secret");
    DynamoDbException bad =
        assertThrows(DynamoDbException.class, () -> engine.dynamodb(unknown).listTables());
    assertEquals("UnrecognizedClientException", bad.awsErrorDetails().errorCode());
    assertEquals(
        "The security token included in the request is invalid.",
        bad.awsErrorDetails().errorMessage());

    AwsCredentials wrongSecret =
        AwsBasicCredentials.create(TestEngine.ADMIN.accessKeyId(), "not-the-secret");
    DynamoDbException sig =
        assertThrows(DynamoDbException.class, () -> engine.dynamodb(wrongSecret).listTables());
    assertEquals("InvalidSignatureException", sig.awsErrorDetails().errorCode());
    assertTrue(sig.awsErrorDetails().errorMessage().startsWith("The request signature we"));
  }
}
