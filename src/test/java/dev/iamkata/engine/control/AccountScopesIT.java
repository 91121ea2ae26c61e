package dev.iamkata.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.backend.ControlClient;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Accounts created through the control API are isolated from each other and reset alone. */
class AccountScopesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestEngine engine;
  private static ControlClient root;

  @BeforeAll
  static void start() {
    engine = TestEngine.start();
    root = new ControlClient(java.net.URI.create(engine.endpoint()), TestEngine.ADMIN);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static JsonNode create() throws Exception {
    return JSON.readTree(root.call("POST", "accounts", ""));
  }

  private static AwsCredentials creds(JsonNode account) {
    AccessKeyPair key = AccessKeyPair.parse(account.path("adminKey").asText());
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  private static ControlClient control(JsonNode account) {
    return new ControlClient(
        java.net.URI.create(engine.endpoint()),
        AccessKeyPair.parse(account.path("adminKey").asText()));
  }

  @Test
  void createdAccountsHaveTheirOwnIdsAndAdmins() throws Exception {
    JsonNode a = create();
    JsonNode b = create();
    String idA = a.path("account").asText();
    assertTrue(idA.matches("[1-9][0-9]{11}"), idA);
    assertTrue(!idA.equals(b.path("account").asText()));
    assertEquals(idA, engine.sts(creds(a)).getCallerIdentity().account());
    assertEquals(
        "arn:aws:iam::" + idA + ":user/admin", engine.sts(creds(a)).getCallerIdentity().arn());
  }

  @Test
  void oneLearnersAdminIsDeniedTheOthersResources() throws Exception {
    JsonNode a = create();
    JsonNode b = create();
    S3Client s3a = engine.s3(creds(a));
    s3a.createBucket(r -> r.bucket("learner-a-data"));
    S3Client s3b = engine.s3(creds(b));
    S3Exception denied =
        assertThrows(S3Exception.class, () -> s3b.listObjectsV2(r -> r.bucket("learner-a-data")));
    assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    IamClient iamB = engine.iam(creds(b));
    iamB.createUser(r -> r.userName("alice"));
    // the same user name in A's account is A's own, unaffected by B's
    engine.iam(creds(a)).createUser(r -> r.userName("alice"));
    assertEquals(2, engine.iam(creds(a)).listUsers().users().size());
  }

  @Test
  void anAccountAdminResetsOnlyItsOwnAccount() throws Exception {
    JsonNode a = create();
    JsonNode b = create();
    String idA = a.path("account").asText();
    String idB = b.path("account").asText();
    engine.iam(creds(a)).createRole(r -> r.roleName("dev").assumeRolePolicyDocument(trust(idA)));
    engine.iam(creds(b)).createRole(r -> r.roleName("dev").assumeRolePolicyDocument(trust(idB)));
    ControlClient.ControlException refused =
        assertThrows(
            ControlClient.ControlException.class,
            () -> control(b).call("POST", "reset?account=" + idA, ""));
    assertEquals(403, refused.status());
    control(a).call("POST", "reset?account=" + idA, "");
    assertTrue(engine.iam(creds(a)).listRoles().roles().isEmpty(), "A is fresh after its reset");
    assertEquals(1, engine.iam(creds(b)).listRoles().roles().size(), "B still has its role");
    // the admin key survives the reset
    assertEquals(idA, engine.sts(creds(a)).getCallerIdentity().account());
  }

  @Test
  void accountAdminsCannotTouchTheWholeEngine() throws Exception {
    ControlClient b = control(create());
    for (String[] call :
        new String[][] {
          {"POST", "reset"}, {"GET", "snapshot"}, {"POST", "accounts"}, {"POST", "clock/advance"}
        }) {
      ControlClient.ControlException refused =
          assertThrows(
              ControlClient.ControlException.class,
              () -> b.call(call[0], call[1], "duration=1h"),
              call[1]);
      assertEquals(403, refused.status(), call[1]);
    }
    assertTrue(!b.call("GET", "accounts", null).contains(TestEngine.ADMIN.accessKeyId()));
  }

  @Test
  void anAccountSnapshotRestoresThatAccountOnly() throws Exception {
    JsonNode a = create();
    JsonNode b = create();
    String idA = a.path("account").asText();
    engine.iam(creds(a)).createUser(r -> r.userName("before"));
    String snap = control(a).call("GET", "snapshot?account=" + idA, null);
    engine.iam(creds(a)).createUser(r -> r.userName("after"));
    engine.iam(creds(b)).createUser(r -> r.userName("other"));
    control(a).call("POST", "restore?account=" + idA, snap, "application/json");
    assertEquals(
        java.util.List.of("admin", "before"),
        engine.iam(creds(a)).listUsers().users().stream().map(u -> u.userName()).toList());
    assertEquals(2, engine.iam(creds(b)).listUsers().users().size());
    ControlClient.ControlException wrong =
        assertThrows(
            ControlClient.ControlException.class,
            () ->
                control(b)
                    .call(
                        "POST",
                        "restore?account=" + b.path("account").asText(),
                        snap,
                        "application/json"));
    assertEquals(400, wrong.status());
  }

  private static String trust(String account) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
        + "{\"AWS\":\"arn:aws:iam::"
        + account
        + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
  }
}
