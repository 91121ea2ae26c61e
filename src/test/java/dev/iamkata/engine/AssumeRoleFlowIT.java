package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The first article's flow over real HTTP with the AWS SDK for Java v2: a user, a role whose trust
 * policy names the user, AssumeRole denied until the user's own policy allows it, the session's
 * identity and permissions, and ExpiredToken once the virtual clock passes the expiry.
 */
class AssumeRoleFlowIT {
  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/dev-role";
  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
          + "\"arn:aws:iam::123456789012:user/dev-user\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String ALLOW_ASSUME =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
          + "\"sts:AssumeRole\",\"Resource\":\""
          + ROLE_ARN
          + "\"}]}";

  static TestEngine engine;
  static IamClient admin;
  static AwsCredentials devUser;

  @BeforeAll
  static void setUp() {
    engine = TestEngine.start();
    admin = engine.adminIam();
    admin.createUser(r -> r.userName("dev-user"));
    AccessKey key = admin.createAccessKey(r -> r.userName("dev-user")).accessKey();
    devUser = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    admin.createRole(r -> r.roleName("dev-role").assumeRolePolicyDocument(TRUST));
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  static AwsServiceException denied(Runnable call) {
    return assertThrows(AwsServiceException.class, call::run);
  }

  static void assertError(String code, AwsServiceException e) {
    assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
  }

  @Test
  void wholeFlow() {
    GetCallerIdentityResponse me = engine.sts(devUser).getCallerIdentity();
    assertEquals("arn:aws:iam::123456789012:user/dev-user", me.arn());
    assertTrue(me.userId().startsWith("AIDA"), me.userId());
    assertEquals("123456789012", me.account());

    AwsServiceException e =
        denied(
            () ->
                engine
                    .sts(devUser)
                    .assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("dev-session")));
    assertError("AccessDenied", e);
    assertEquals(403, e.statusCode());
    assertEquals(
        "User: arn:aws:iam::123456789012:user/dev-user is not authorized to perform:"
            + " sts:AssumeRole on resource: arn:aws:iam::123456789012:role/dev-role",
        e.awsErrorDetails().errorMessage());

    admin.putUserPolicy(
        r -> r.userName("dev-user").policyName("assume").policyDocument(ALLOW_ASSUME));
    AssumeRoleResponse assumed =
        engine.sts(devUser).assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("dev-session"));
    assertTrue(assumed.credentials().accessKeyId().startsWith("ASIA"));
    assertEquals(40, assumed.credentials().secretAccessKey().length());
    assertEquals(
        "arn:aws:sts::123456789012:assumed-role/dev-role/dev-session",
        assumed.assumedRoleUser().arn());
    String roleId = admin.getRole(r -> r.roleName("dev-role")).role().roleId();
    assertEquals(roleId + ":dev-session", assumed.assumedRoleUser().assumedRoleId());
    Duration lifetime =
        Duration.between(engine.engine().clock().instant(), assumed.credentials().expiration());
    assertTrue(lifetime.toMinutes() >= 59 && lifetime.toMinutes() <= 60, lifetime.toString());

    AwsCredentials session = TestEngine.session(assumed.credentials());
    GetCallerIdentityResponse asRole = engine.sts(session).getCallerIdentity();
    assertEquals("arn:aws:sts::123456789012:assumed-role/dev-role/dev-session", asRole.arn());
    assertEquals(roleId + ":dev-session", asRole.userId());

    e = denied(() -> engine.iam(session).listUsers());
    assertError("AccessDenied", e);
    assertEquals(
        "User: arn:aws:sts::123456789012:assumed-role/dev-role/dev-session is not authorized to"
            + " perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no"
            + " identity-based policy allows the iam:ListUsers action",
        e.awsErrorDetails().errorMessage());

    admin.attachRolePolicy(
        r -> r.roleName("dev-role").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
    assertTrue(
        engine.iam(session).listUsers().users().stream()
            .anyMatch(u -> u.userName().equals("dev-user")));

    engine.engine().clock().advance(Duration.ofHours(1));
    e = denied(() -> engine.sts(session).getCallerIdentity());
    assertError("ExpiredToken", e);
    assertEquals(
        "The security token included in the request is expired",
        e.awsErrorDetails().errorMessage());
    assertEquals(
        "arn:aws:iam::123456789012:user/dev-user", engine.sts(devUser).getCallerIdentity().arn());
  }

  @Test
  void aUserTheTrustPolicyDoesNotNameIsDenied() {
    admin.createUser(r -> r.userName("intruder"));
    AccessKey key = admin.createAccessKey(r -> r.userName("intruder")).accessKey();
    admin.putUserPolicy(
        r ->
            r.userName("intruder")
                .policyName("any")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}"));
    AwsCredentials intruder = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    assertError(
        "AccessDenied",
        denied(
            () ->
                engine
                    .sts(intruder)
                    .assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("intruder"))));
  }

  @Test
  void credentialFailuresAreTheOnesAwsReturns() {
    AwsCredentials unknown = AwsBasicCredentials.create("AKIAAAAAAAAAAAAAAAAA", "x".repeat(40));
    AwsServiceException e = denied(() -> engine.sts(unknown).getCallerIdentity());
    assertError("InvalidClientTokenId", e);
    assertEquals(
        "The security token included in the request is invalid",
        e.awsErrorDetails().errorMessage());

    AwsCredentials wrongSecret =
        AwsBasicCredentials.create(TestEngine.ADMIN.accessKeyId(), "y".repeat(40));
    assertError("SignatureDoesNotMatch", denied(() -> engine.sts(wrongSecret).getCallerIdentity()));

    admin.createUser(r -> r.userName("keyholder"));
    AccessKey key = admin.createAccessKey(r -> r.userName("keyholder")).accessKey();
    AwsCredentials keyholder = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    assertEquals(
        "arn:aws:iam::123456789012:user/keyholder",
        engine.sts(keyholder).getCallerIdentity().arn());
    admin.updateAccessKey(
        r -> r.userName("keyholder").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
    assertError("InvalidClientTokenId", denied(() -> engine.sts(keyholder).getCallerIdentity()));
    admin.deleteAccessKey(r -> r.userName("keyholder").accessKeyId(key.accessKeyId()));
    admin.deleteUser(r -> r.userName("keyholder"));
    assertError("InvalidClientTokenId", denied(() -> engine.sts(keyholder).getCallerIdentity()));
  }

  @Test
  void aForgedSessionTokenIsRejected() {
    admin.createRole(
        r -> r.roleName("forge-role").assumeRolePolicyDocument(TRUST.replace("dev-user", "admin")));
    var c =
        engine
            .adminSts()
            .assumeRole(
                r -> r.roleArn("arn:aws:iam::123456789012:role/forge-role").roleSessionName("s1"))
            .credentials();
    String token = c.sessionToken();
    String forged = token.substring(0, token.length() - 8) + "AAAAAAA=";
    AwsCredentials bad = AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), forged);
    assertError("InvalidClientTokenId", denied(() -> engine.sts(bad).getCallerIdentity()));
    AwsCredentials noToken = AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey());
    assertError("InvalidClientTokenId", denied(() -> engine.sts(noToken).getCallerIdentity()));
  }
}
