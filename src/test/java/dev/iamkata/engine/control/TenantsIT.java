package dev.iamkata.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.backend.ControlClient;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.TestEngine;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Tenants: the accounts created together for one learner are a world of their own, with their own
 * S3 bucket namespace and clock, while within a tenant bucket names are global as in AWS.
 */
class TenantsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EC2_TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  private TestEngine engine;
  private ControlClient root;

  @BeforeEach
  void start() {
    engine = TestEngine.start();
    root = new ControlClient(java.net.URI.create(engine.endpoint()), TestEngine.ADMIN);
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private JsonNode create(String tenant) throws Exception {
    return JSON.readTree(root.call("POST", "accounts", "tenant=" + tenant));
  }

  private static AwsCredentials creds(JsonNode account) {
    AccessKeyPair key = AccessKeyPair.parse(account.path("adminKey").asText());
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  private static String body(S3Client s3, String bucket, String key) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
  }

  @Test
  void twoTenantsEachHaveTheirOwnBucketOfTheSameName() throws Exception {
    S3Client a = engine.s3(creds(create("alice")));
    S3Client b = engine.s3(creds(create("bob")));
    a.createBucket(r -> r.bucket("testbucket1"));
    b.createBucket(r -> r.bucket("testbucket1"));
    // the default tenant (the engine's own account) has its own namespace too
    engine.adminS3().createBucket(r -> r.bucket("testbucket1"));
    a.putObject(r -> r.bucket("testbucket1").key("k"), RequestBody.fromString("alice's"));
    b.putObject(r -> r.bucket("testbucket1").key("k"), RequestBody.fromString("bob's"));
    assertEquals("alice's", body(a, "testbucket1", "k"));
    assertEquals("bob's", body(b, "testbucket1", "k"));
    assertEquals(1, a.listBuckets().buckets().size());
    assertEquals(
        0, engine.adminS3().listObjectsV2(r -> r.bucket("testbucket1")).keyCount().intValue());
    b.deleteObject(r -> r.bucket("testbucket1").key("k"));
    b.deleteBucket(r -> r.bucket("testbucket1"));
    assertEquals("alice's", body(a, "testbucket1", "k"));
  }

  @Test
  void withinATenantNamesAreGlobalAndBucketPoliciesWorkAcrossItsAccounts() throws Exception {
    JsonNode first = create("carol");
    JsonNode second = create("carol");
    String secondId = second.path("account").asText();
    S3Client s3first = engine.s3(creds(first));
    S3Client s3second = engine.s3(creds(second));
    s3first.createBucket(r -> r.bucket("shared-data"));
    S3Exception taken =
        assertThrows(S3Exception.class, () -> s3second.createBucket(r -> r.bucket("shared-data")));
    assertEquals("BucketAlreadyExists", taken.awsErrorDetails().errorCode());
    s3first.putObject(r -> r.bucket("shared-data").key("k"), RequestBody.fromString("v"));
    S3Exception denied = assertThrows(S3Exception.class, () -> body(s3second, "shared-data", "k"));
    assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    String policy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::"
            + secondId
            + ":root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::shared-data/*\"}]}";
    s3first.putBucketPolicy(r -> r.bucket("shared-data").policy(policy));
    assertEquals("v", body(s3second, "shared-data", "k"));
    // another tenant does not see the bucket at all
    S3Client other = engine.s3(creds(create("dave")));
    S3Exception missing = assertThrows(S3Exception.class, () -> body(other, "shared-data", "k"));
    assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
  }

  @Test
  void advancingOneTenantsClockExpiresOnlyItsSessions() throws Exception {
    JsonNode a = create("erin");
    JsonNode b = create("frank");
    Credentials sessionA =
        engine.sts(creds(a)).getSessionToken(r -> r.durationSeconds(900)).credentials();
    Credentials sessionB =
        engine.sts(creds(b)).getSessionToken(r -> r.durationSeconds(900)).credentials();
    JsonNode moved = JSON.readTree(root.call("POST", "clock/advance", "duration=1h&tenant=erin"));
    assertEquals(3600, moved.path("offsetSeconds").asLong());
    StsException expired =
        assertThrows(
            StsException.class, () -> engine.sts(TestEngine.session(sessionA)).getCallerIdentity());
    assertEquals("ExpiredToken", expired.awsErrorDetails().errorCode());
    assertEquals(
        b.path("account").asText(),
        engine.sts(TestEngine.session(sessionB)).getCallerIdentity().account());
    // the tenant's own time stamps what it creates, and its clock reads an hour ahead
    Instant created = engine.iam(creds(a)).createUser(r -> r.userName("later")).user().createDate();
    assertTrue(created.isAfter(Instant.now().plus(Duration.ofMinutes(59))), created.toString());
    JsonNode clockA =
        JSON.readTree(root.call("GET", "clock?account=" + a.path("account").asText(), null));
    assertEquals(3600, clockA.path("offsetSeconds").asLong());
    JsonNode clockB =
        JSON.readTree(root.call("GET", "clock?account=" + b.path("account").asText(), null));
    assertEquals(0, clockB.path("offsetSeconds").asLong());
    // the engine's clock moves everyone, under each tenant's own offset
    root.call("POST", "clock/advance", "duration=1h");
    assertThrows(
        StsException.class, () -> engine.sts(TestEngine.session(sessionB)).getCallerIdentity());
    assertEquals(
        7200,
        JSON.readTree(root.call("GET", "clock?tenant=erin", null)).path("offsetSeconds").asLong());
  }

  @Test
  void aTenantSnapshotHoldsOnlyItsWorldAndIsForRootOnly() throws Exception {
    JsonNode a = create("gina");
    JsonNode b = create("hank");
    engine.s3(creds(a)).createBucket(r -> r.bucket("testbucket1"));
    engine.s3(creds(b)).createBucket(r -> r.bucket("testbucket1"));
    engine.iam(creds(a)).createUser(r -> r.userName("dev-user"));
    root.call("POST", "clock/advance", "duration=2h&tenant=gina");
    JsonNode world = JSON.readTree(root.call("GET", "snapshot?tenant=gina", null));
    assertEquals(1, world.path("accounts").size());
    assertTrue(world.path("accounts").has(a.path("account").asText()));
    java.util.List<String> buckets = new java.util.ArrayList<>();
    world.path("buckets").fieldNames().forEachRemaining(buckets::add);
    assertEquals(java.util.List.of("gina/testbucket1"), buckets);
    assertEquals(7_200_000L, world.path("tenantClocks").path("gina").asLong());
    // tenant snapshots are for the root account only
    ControlClient learner =
        new ControlClient(
            java.net.URI.create(engine.endpoint()),
            AccessKeyPair.parse(a.path("adminKey").asText()));
    assertThrows(
        ControlClient.ControlException.class,
        () -> learner.call("GET", "snapshot?tenant=gina", null));
    assertThrows(
        ControlClient.ControlException.class,
        () -> learner.call("POST", "clock/advance", "duration=1h&tenant=gina"));
  }

  @Test
  void aTenantsClockStampsItsTablesAndInstancesAndTheirCredentials() throws Exception {
    AwsCredentials ivy = creds(create("ivy"));
    root.call("POST", "clock/advance", "duration=7h&tenant=ivy");
    Instant tenantNow = Instant.now().plus(Duration.ofHours(7));
    Instant table =
        engine
            .dynamodb(ivy)
            .createTable(
                r ->
                    r.tableName("notes")
                        .billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("id").keyType("HASH"))
                        .attributeDefinitions(d -> d.attributeName("id").attributeType("S")))
            .tableDescription()
            .creationDateTime();
    assertNear(tenantNow, table);
    var iam = engine.iam(ivy);
    iam.createRole(r -> r.roleName("app-role").assumeRolePolicyDocument(EC2_TRUST));
    iam.createInstanceProfile(r -> r.instanceProfileName("app-profile"));
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("app-profile").roleName("app-role"));
    var launched =
        engine
            .ec2(ivy)
            .runInstances(
                r ->
                    r.imageId("ami-0123456789abcdef0")
                        .minCount(1)
                        .maxCount(1)
                        .iamInstanceProfile(p -> p.name("app-profile")))
            .instances()
            .get(0);
    assertNear(tenantNow, launched.launchTime());
    // credentials issued on the engine's time would have expired an hour before the tenant's now
    String url =
        engine.endpoint()
            + "/_imds/"
            + launched.instanceId()
            + "/latest/meta-data/iam/security-credentials/app-role";
    JsonNode c =
        JSON.readTree(
            java.net.http.HttpClient.newHttpClient()
                .send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .body());
    assertNear(tenantNow, Instant.parse(c.path("LastUpdated").asText()));
    AwsCredentials instance =
        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
            c.path("AccessKeyId").asText(),
            c.path("SecretAccessKey").asText(),
            c.path("Token").asText());
    assertTrue(
        engine
            .sts(instance)
            .getCallerIdentity()
            .arn()
            .endsWith(":assumed-role/app-role/" + launched.instanceId()));
  }

  private static void assertNear(Instant expected, Instant actual) {
    assertTrue(
        Duration.between(expected, actual).abs().compareTo(Duration.ofMinutes(1)) < 0,
        "expected about " + expected + ", got " + actual);
  }
}
