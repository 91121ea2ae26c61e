package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.control.ControlApiIT;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code /_kata/snapshot} and {@code /_kata/restore} with the services' resources: S3 buckets and
 * objects, DynamoDB tables and items, EC2 instances, Lambda functions with their packages. A
 * restore puts back exactly what the snapshot held; a reset empties every service.
 */
class ServiceSnapshotIT {
  static final ObjectMapper JSON = new ObjectMapper();

  TestEngine engine;
  ControlApiIT control = new ControlApiIT();
  S3Client s3;
  DynamoDbClient dynamodb;
  Ec2Client ec2;
  LambdaClient lambda;
  String instance;

  @BeforeEach
  void setUp() {
    engine = TestEngine.start();
    control.engine = engine;
    s3 = engine.adminS3();
    dynamodb = engine.dynamodb(TestEngine.admin());
    ec2 = engine.ec2(TestEngine.admin());
    lambda = engine.lambda(TestEngine.admin());
    var iam = engine.adminIam();
    iam.createRole(r -> r.roleName("fn-role").assumeRolePolicyDocument(LambdaIT.LAMBDA_TRUST));
    iam.putRolePolicy(
        r -> r.roleName("fn-role").policyName("read").policyDocument(LambdaInvokeIT.ROLE_POLICY));
    s3.createBucket(b -> b.bucket("kept-bucket"));
    s3.putObject(b -> b.bucket("kept-bucket").key("a.txt"), RequestBody.fromString("alpha"));
    dynamodb.createTable(
        t ->
            t.tableName("notes")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(
                    a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
    put("n1", "hello from the table");
    instance =
        ec2.runInstances(b -> b.imageId("ami-0123456789abcdef0").minCount(1).maxCount(1))
            .instances()
            .get(0)
            .instanceId();
    lambda.createFunction(
        r ->
            r.functionName("reader")
                .runtime(Runtime.PYTHON3_12)
                .handler("handler.yaml")
                .role("arn:aws:iam::" + TestEngine.ACCOUNT + ":role/fn-role")
                .code(
                    c ->
                        c.zipFile(
                            SdkBytes.fromByteArray(
                                LambdaInvokeIT.zip("handler.yaml", LambdaInvokeIT.READER)))));
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  void put(String id, String text) {
    dynamodb.putItem(
        p ->
            p.tableName("notes")
                .item(Map.of("id", AttributeValue.fromS(id), "text", AttributeValue.fromS(text))));
  }

  JsonNode snapshot() throws Exception {
    var r = control.call("GET", "snapshot", new byte[0], ControlApiIT.adminIdentity());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  int restore(JsonNode snapshot) throws Exception {
    return control
        .call("POST", "restore", JSON.writeValueAsBytes(snapshot), ControlApiIT.adminIdentity())
        .statusCode();
  }

  List<String> tables() {
    return dynamodb.listTables().tableNames();
  }

  InstanceStateName state(String id) {
    return ec2.describeInstances(r -> r.instanceIds(id))
        .reservations()
        .get(0)
        .instances()
        .get(0)
        .state()
        .name();
  }

  @Test
  void aRestorePutsBackExactlyWhatTheSnapshotHeld() throws Exception {
    JsonNode before = snapshot();
    JsonNode services = before.path("services");
    assertEquals(1, services.path("dynamodb").path(TestEngine.ACCOUNT).path("us-east-1").size());
    assertEquals(1, services.path("ec2").path(TestEngine.ACCOUNT).path("us-east-1").size());
    assertEquals(1, services.path("lambda").path(TestEngine.ACCOUNT).path("us-east-1").size());

    put("n1", "changed");
    put("n2", "added");
    dynamodb.createTable(
        t ->
            t.tableName("extra")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(
                    a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
    ec2.terminateInstances(r -> r.instanceIds(instance));
    lambda.deleteFunction(r -> r.functionName("reader"));
    s3.deleteObject(b -> b.bucket("kept-bucket").key("a.txt"));

    assertEquals(200, restore(before));
    assertEquals(before, snapshot());
    assertEquals(List.of("notes"), tables());
    assertEquals(
        "hello from the table",
        dynamodb
            .getItem(g -> g.tableName("notes").key(Map.of("id", AttributeValue.fromS("n1"))))
            .item()
            .get("text")
            .s());
    assertEquals(1, dynamodb.scan(s -> s.tableName("notes")).count());
    assertEquals(InstanceStateName.RUNNING, state(instance));
    assertEquals(
        "alpha", s3.getObjectAsBytes(b -> b.bucket("kept-bucket").key("a.txt")).asUtf8String());
    // the restored function still runs as its role
    JsonNode out =
        JSON.readTree(
            lambda
                .invoke(
                    r ->
                        r.functionName("reader")
                            .payload(SdkBytes.fromUtf8String("{\"id\":\"n1\"}")))
                .payload()
                .asUtf8String());
    assertEquals("hello from the table", out.path("text").asText());
  }

  @Test
  void aResetEmptiesEveryService() throws Exception {
    assertEquals(
        200, control.call("POST", "reset", new byte[0], ControlApiIT.adminIdentity()).statusCode());
    assertEquals(List.of(), tables());
    assertEquals(0, ec2.describeInstances().reservations().size());
    assertEquals(0, lambda.listFunctions().functions().size());
    assertEquals(0, s3.listBuckets().buckets().size());
    assertThrows(
        ResourceNotFoundException.class, () -> lambda.getFunction(r -> r.functionName("reader")));
  }

  @Test
  void aMalformedServiceSectionChangesNothing() throws Exception {
    ObjectNode broken = (ObjectNode) snapshot();
    ((ObjectNode) broken.path("services")).putObject("dynamodb").putObject("999999999999");
    put("n2", "after the snapshot");
    var r =
        control.call(
            "POST", "restore", JSON.writeValueAsBytes(broken), ControlApiIT.adminIdentity());
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("unknown account 999999999999"), r.body());
    assertEquals(2, dynamodb.scan(s -> s.tableName("notes")).count());
    assertEquals(
        "alpha",
        new String(
            s3.getObjectAsBytes(b -> b.bucket("kept-bucket").key("a.txt")).asByteArray(),
            StandardCharsets.UTF_8));
  }
}
