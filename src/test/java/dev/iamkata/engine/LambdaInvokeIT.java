package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Invoke with the SDK's {@code LambdaClient}: the declarative runtime runs as the execution role,
 * whose policy allows reading the table and not deleting it; CloudTrail shows the calls inside as
 * {@code assumed-role/ROLE/FUNCTION}.
 */
class LambdaInvokeIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ROLE_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"arn:aws:dynamodb:*:*:table/notes\"}]}";
  static final String READER =
      """
      steps:
        - log: "reading ${event.id}"
        - id: item
          service: dynamodb
          operation: GetItem
          parameters:
            TableName: notes
            Key: {id: {S: "${event.id}"}}
      return:
        id: ${event.id}
        text: ${steps.item.Item.text.S}
        by: ${context.functionName}
      """;
  static final String DELETER =
      """
      steps:
        - service: dynamodb
          operation: DeleteTable
          parameters: {TableName: notes}
      return: deleted
      """;

  TestEngine engine;
  IamClient iam;
  LambdaClient lambda;
  DynamoDbClient dynamodb;
  String roleArn;

  @BeforeEach
  void setUp() {
    engine = TestEngine.start();
    iam = engine.adminIam();
    lambda = engine.lambda(TestEngine.admin());
    dynamodb = engine.dynamodb(TestEngine.admin());
    roleArn =
        iam.createRole(r -> r.roleName("fn-role").assumeRolePolicyDocument(LambdaIT.LAMBDA_TRUST))
            .role()
            .arn();
    iam.putRolePolicy(r -> r.roleName("fn-role").policyName("read").policyDocument(ROLE_POLICY));
    dynamodb.createTable(
        t ->
            t.tableName("notes")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(
                    a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
    dynamodb.putItem(
        p ->
            p.tableName("notes")
                .item(
                    Map.of(
                        "id", AttributeValue.fromS("n1"),
                        "text", AttributeValue.fromS("hello from the table"))));
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  static byte[] zip(String file, String content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry(file));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  void create(String name, String handlerFile, String content) {
    lambda.createFunction(
        r ->
            r.functionName(name)
                .runtime(Runtime.PYTHON3_12)
                .handler(handlerFile)
                .role(roleArn)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip(handlerFile, content)))));
  }

  InvokeResponse invoke(String name, String payload) {
    return lambda.invoke(r -> r.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
  }

  @Test
  void theRoleMayReadTheTable() throws Exception {
    create("reader", "handler.yaml", READER);
    InvokeResponse response = invoke("reader", "{\"id\":\"n1\"}");
    assertEquals(200, response.statusCode());
    assertEquals("$LATEST", response.executedVersion());
    assertNull(response.functionError());
    JsonNode out = JSON.readTree(response.payload().asUtf8String());
    assertEquals("n1", out.path("id").asText());
    assertEquals("hello from the table", out.path("text").asText());
    assertEquals("reader", out.path("by").asText());
  }

  @Test
  void aDeniedCallIsAFunctionErrorAndTheTableStays() throws Exception {
    create("deleter", "handler.yaml", DELETER);
    InvokeResponse response = invoke("deleter", "{}");
    assertEquals(200, response.statusCode());
    assertEquals("Unhandled", response.functionError());
    JsonNode error = JSON.readTree(response.payload().asUtf8String());
    assertEquals("AccessDeniedException", error.path("errorType").asText());
    assertEquals(
        "User: arn:aws:sts::"
            + TestEngine.ACCOUNT
            + ":assumed-role/fn-role/deleter is not authorized to perform: dynamodb:DeleteTable"
            + " on resource: arn:aws:dynamodb:us-east-1:"
            + TestEngine.ACCOUNT
            + ":table/notes because no identity-based policy allows the dynamodb:DeleteTable"
            + " action",
        error.path("errorMessage").asText());
    assertFalse(error.path("requestId").asText().isEmpty());
    assertTrue(error.path("stackTrace").isArray());
    assertEquals("notes", dynamodb.describeTable(d -> d.tableName("notes")).table().tableName());
  }

  @Test
  void cloudTrailShowsTheCallsInsideAsTheFunctionsRoleSession() throws Exception {
    create("reader", "handler.yaml", READER);
    create("deleter", "handler.yaml", DELETER);
    invoke("reader", "{\"id\":\"n1\"}");
    invoke("deleter", "{}");
    var trail = engine.cloudTrail(TestEngine.admin());
    Event getItem = only(trail, "GetItem");
    JsonNode record = JSON.readTree(getItem.cloudTrailEvent());
    assertEquals(
        "arn:aws:sts::" + TestEngine.ACCOUNT + ":assumed-role/fn-role/reader",
        record.path("userIdentity").path("arn").asText());
    assertEquals("AssumedRole", record.path("userIdentity").path("type").asText());
    assertTrue(record.path("userIdentity").path("accessKeyId").asText().startsWith("ASIA"));
    assertEquals("dynamodb.amazonaws.com", record.path("eventSource").asText());
    JsonNode denied = JSON.readTree(only(trail, "DeleteTable").cloudTrailEvent());
    assertEquals(
        "arn:aws:sts::" + TestEngine.ACCOUNT + ":assumed-role/fn-role/deleter",
        denied.path("userIdentity").path("arn").asText());
    assertEquals("AccessDenied", denied.path("errorCode").asText());
    // Lambda's own AssumeRole of the execution role, once per invocation
    List<Event> assumed =
        trail
            .lookupEvents(
                r ->
                    r.lookupAttributes(
                        a ->
                            a.attributeKey(LookupAttributeKey.EVENT_NAME)
                                .attributeValue("AssumeRole")))
            .events();
    assertEquals(2, assumed.size());
    JsonNode byLambda = JSON.readTree(assumed.get(1).cloudTrailEvent());
    assertEquals("AWSService", byLambda.path("userIdentity").path("type").asText());
    assertEquals("lambda.amazonaws.com", byLambda.path("userIdentity").path("invokedBy").asText());
    assertEquals("reader", byLambda.path("requestParameters").path("roleSessionName").asText());
    assertEquals(roleArn, byLambda.path("requestParameters").path("roleArn").asText());
    assertEquals(
        record.path("userIdentity").path("accessKeyId").asText(),
        byLambda.path("responseElements").path("credentials").path("accessKeyId").asText());
    Event invoke =
        trail
            .lookupEvents(
                r ->
                    r.lookupAttributes(
                        a ->
                            a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("Invoke")))
            .events()
            .get(0);
    assertEquals("admin", invoke.username());
  }

  static Event only(
      software.amazon.awssdk.services.cloudtrail.CloudTrailClient trail, String eventName) {
    List<Event> events =
        trail
            .lookupEvents(
                r ->
                    r.lookupAttributes(
                        a ->
                            a.attributeKey(LookupAttributeKey.EVENT_NAME)
                                .attributeValue(eventName)))
            .events();
    assertEquals(1, events.size(), events.toString());
    return events.get(0);
  }

  @Test
  void tailGivesTheInvocationsLog() {
    create("reader", "handler.yaml", READER);
    InvokeResponse response =
        lambda.invoke(
            r ->
                r.functionName("reader")
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"id\":\"n1\"}")));
    String log =
        new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    String[] lines = log.split("\n");
    assertTrue(lines[0].matches("START RequestId: [0-9a-f-]{36} Version: \\$LATEST"), log);
    assertTrue(lines[1].endsWith("\tINFO\treading n1"), log);
    assertTrue(lines[2].endsWith("\tINFO\tdynamodb.GetItem: ok"), log);
    assertTrue(lines[3].startsWith("END RequestId: "), log);
    assertTrue(
        lines[4].matches(
            "REPORT RequestId: \\S+\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB\tMax Memory Used: \\d+ MB\t"),
        log);
  }

  @Test
  void eventAndDryRunInvocations() {
    create("deleter", "handler.yaml", DELETER);
    InvokeResponse dry =
        lambda.invoke(r -> r.functionName("deleter").invocationType(InvocationType.DRY_RUN));
    assertEquals(204, dry.statusCode());
    assertEquals(0, dry.payload().asByteArray().length);
    assertEquals(
        1,
        engine
            .cloudTrail(TestEngine.admin())
            .lookupEvents(
                r ->
                    r.lookupAttributes(
                        a ->
                            a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("Invoke")))
            .events()
            .size());
    InvokeResponse event =
        lambda.invoke(
            r ->
                r.functionName("deleter")
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{}")));
    assertEquals(202, event.statusCode());
    assertNull(event.functionError());
    // the event invocation ran: its denied DeleteTable is in the trail
    only(engine.cloudTrail(TestEngine.admin()), "DeleteTable");
  }

  @Test
  void callsOfOtherProtocolsAreWordedByTheirService() throws Exception {
    iam.putRolePolicy(
        r ->
            r.roleName("fn-role")
                .policyName("s3")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"s3:PutObject\",\"s3:GetObject\"],"
                        + "\"Resource\":\"arn:aws:s3:::fn-bucket/*\"}]}"));
    engine.adminS3().createBucket(b -> b.bucket("fn-bucket"));
    create(
        "s3-user",
        "handler.yaml",
        """
        steps:
          - service: s3
            operation: PutObject
            parameters: {Bucket: fn-bucket, Key: "${event.key}", Body: "${event.text}"}
          - id: got
            service: s3
            operation: GetObject
            parameters: {Bucket: fn-bucket, Key: "${event.key}"}
          - id: me
            service: sts
            operation: GetCallerIdentity
        return: {body: "${steps.got.Body}", arn: "${steps.me.Arn}"}
        """);
    JsonNode out =
        JSON.readTree(
            invoke("s3-user", "{\"key\":\"k.txt\",\"text\":\"written inside\"}")
                .payload()
                .asUtf8String());
    assertEquals("written inside", out.path("body").asText(), out.toString());
    assertEquals(
        "arn:aws:sts::" + TestEngine.ACCOUNT + ":assumed-role/fn-role/s3-user",
        out.path("arn").asText());
    assertEquals(
        "written inside",
        engine.adminS3().getObjectAsBytes(b -> b.bucket("fn-bucket").key("k.txt")).asUtf8String());
    create(
        "lister",
        "handler.yaml",
        "steps:\n  - {service: iam, operation: ListRoles}\n  - {service: s3, operation: ListBuckets}\n");
    JsonNode denied = JSON.readTree(invoke("lister", "{}").payload().asUtf8String());
    assertEquals("AccessDenied", denied.path("errorType").asText());
    assertTrue(denied.path("errorMessage").asText().contains("iam:ListRoles"), denied.toString());
    create("typo", "handler.yaml", "steps:\n  - {service: dynamo, operation: ListTables}\n");
    JsonNode unknown = JSON.readTree(invoke("typo", "{}").payload().asUtf8String());
    assertEquals("UnknownServiceError", unknown.path("errorType").asText());
  }

  @Test
  void aFunctionInvokingItselfIsStopped() throws Exception {
    iam.putRolePolicy(
        r ->
            r.roleName("fn-role")
                .policyName("invoke")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"*\"}]}"));
    create(
        "loop",
        "handler.yaml",
        "steps:\n  - {service: lambda, operation: Invoke, parameters: {FunctionName: loop}}\n"
            + "return: done\n");
    InvokeResponse response = invoke("loop", "{}");
    assertEquals(200, response.statusCode());
    assertEquals("\"done\"", response.payload().asUtf8String());
    var trail = engine.cloudTrail(TestEngine.admin());
    List<Event> invokes =
        trail
            .lookupEvents(
                r ->
                    r.maxResults(50)
                        .lookupAttributes(
                            a ->
                                a.attributeKey(LookupAttributeKey.EVENT_NAME)
                                    .attributeValue("Invoke")))
            .events();
    assertEquals(17, invokes.size());
    // newest first: the admin's Invoke, the 16 made by the function, the innermost refused
    assertEquals("admin", invokes.get(0).username());
    JsonNode stopped = JSON.readTree(invokes.get(invokes.size() - 1).cloudTrailEvent());
    assertEquals("RecursiveInvocationException", stopped.path("errorCode").asText());
    assertEquals(
        "arn:aws:sts::" + TestEngine.ACCOUNT + ":assumed-role/fn-role/loop",
        stopped.path("userIdentity").path("arn").asText());
  }

  @Test
  void invokingNeedsLambdaInvokeFunction() {
    create("reader", "handler.yaml", READER);
    iam.createUser(r -> r.userName("dev"));
    AccessKey key = iam.createAccessKey(r -> r.userName("dev")).accessKey();
    LambdaClient dev =
        engine.lambda(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    LambdaException e =
        assertThrows(LambdaException.class, () -> dev.invoke(r -> r.functionName("reader")));
    assertEquals(403, e.statusCode());
    assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
    assertTrue(
        e.awsErrorDetails()
            .errorMessage()
            .endsWith(
                "is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:"
                    + TestEngine.ACCOUNT
                    + ":function:reader because no identity-based policy allows the"
                    + " lambda:InvokeFunction action"),
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void aBrokenHandlerFileOrPayload() throws Exception {
    create("broken", "handler.yaml", "steps:\n  - service: dynamodb\n    operation: [\n");
    InvokeResponse response = invoke("broken", "{}");
    assertEquals("Unhandled", response.functionError());
    JsonNode error = JSON.readTree(response.payload().asUtf8String());
    assertEquals("Runtime.UserCodeSyntaxError", error.path("errorType").asText());
    assertEquals(
        "handler.yaml:3:17: while parsing a flow node; expected the node content, but found"
            + " '<stream end>'",
        error.path("errorMessage").asText());
    assertThrows(InvalidRequestContentException.class, () -> invoke("broken", "not json"));
  }

  @Test
  void aRoleThatNoLongerTrustsLambda() {
    create("reader", "handler.yaml", READER);
    iam.updateAssumeRolePolicy(r -> r.roleName("fn-role").policyDocument(LambdaIT.EC2_TRUST));
    LambdaException e = assertThrows(LambdaException.class, () -> invoke("reader", "{}"));
    assertEquals("InvalidParameterValueException", e.awsErrorDetails().errorCode());
    assertEquals(
        "The role defined for the function cannot be assumed by Lambda.",
        e.awsErrorDetails().errorMessage());
  }
}
