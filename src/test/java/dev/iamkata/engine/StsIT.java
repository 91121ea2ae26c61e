package dev.iamkata.engine;

import static dev.iamkata.engine.AssumeRoleFlowIT.assertError;
import static dev.iamkata.engine.AssumeRoleFlowIT.denied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/** STS's rules over real HTTP: durations, chaining, ExternalId, session policies, accounts. */
class StsIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final String OTHER = EngineConfig.SECOND_ACCOUNT;
  static final String ALLOW_ALL_ASSUME =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
          + "\"sts:AssumeRole\",\"Resource\":\"*\"}]}";

  static TestEngine engine;
  static IamClient admin;
  static AwsCredentials alice;

  @BeforeAll
  static void setUp() {
    engine = TestEngine.start();
    admin = engine.adminIam();
    alice = user(admin, "alice");
    admin.putUserPolicy(
        r -> r.userName("alice").policyName("assume").policyDocument(ALLOW_ALL_ASSUME));
    role(admin, "reader", trustUser(ACCOUNT, "alice"));
    admin.attachRolePolicy(
        r -> r.roleName("reader").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  static AwsCredentials user(IamClient iam, String name) {
    iam.createUser(r -> r.userName(name));
    AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  static void role(IamClient iam, String name, String trust) {
    iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust));
  }

  static String trustUser(String account, String user) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
        + "{\"AWS\":\"arn:aws:iam::"
        + account
        + ":user/"
        + user
        + "\"},\"Action\":\"sts:AssumeRole\"}]}";
  }

  static String arn(String account, String role) {
    return "arn:aws:iam::" + account + ":role/" + role;
  }

  StsClient sts(AwsCredentials c) {
    return engine.sts(c);
  }

  @Test
  void durationLimits() {
    AwsServiceException e =
        denied(
            () ->
                sts(alice)
                    .assumeRole(
                        r ->
                            r.roleArn(arn(ACCOUNT, "reader"))
                                .roleSessionName("s")
                                .durationSeconds(899)));
    assertError("ValidationError", e);
    assertEquals(
        "2 validation errors detected: Value 's' at 'roleSessionName' failed to satisfy constraint:"
            + " Member must have length greater than or equal to 2; Value '899' at"
            + " 'durationSeconds' failed to satisfy constraint: Member must have value greater"
            + " than or equal to 900",
        e.awsErrorDetails().errorMessage());

    e =
        denied(
            () ->
                sts(alice)
                    .assumeRole(
                        r ->
                            r.roleArn(arn(ACCOUNT, "reader"))
                                .roleSessionName("long")
                                .durationSeconds(7200)));
    assertError("ValidationError", e);
    assertEquals(
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
        e.awsErrorDetails().errorMessage());

    admin.updateRole(r -> r.roleName("reader").maxSessionDuration(7200));
    Credentials c =
        sts(alice)
            .assumeRole(
                r ->
                    r.roleArn(arn(ACCOUNT, "reader")).roleSessionName("long").durationSeconds(7200))
            .credentials();
    Duration lifetime = Duration.between(engine.engine().clock().instant(), c.expiration());
    assertTrue(lifetime.toMinutes() >= 119, lifetime.toString());
  }

  @Test
  void roleChainingIsCappedAtOneHour() {
    role(
        admin,
        "second",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\""
            + arn(ACCOUNT, "first")
            + "\"},\"Action\":\"sts:AssumeRole\"}]}");
    role(admin, "first", trustUser(ACCOUNT, "alice"));
    admin.putRolePolicy(
        r -> r.roleName("first").policyName("chain").policyDocument(ALLOW_ALL_ASSUME));
    AwsCredentials first =
        TestEngine.session(
            sts(alice)
                .assumeRole(r -> r.roleArn(arn(ACCOUNT, "first")).roleSessionName("one"))
                .credentials());
    AwsServiceException e =
        denied(
            () ->
                sts(first)
                    .assumeRole(
                        r ->
                            r.roleArn(arn(ACCOUNT, "second"))
                                .roleSessionName("two")
                                .durationSeconds(3601)));
    assertEquals(
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role"
            + " chaining.",
        e.awsErrorDetails().errorMessage());
    AssumeRoleResponse chained =
        sts(first).assumeRole(r -> r.roleArn(arn(ACCOUNT, "second")).roleSessionName("two"));
    assertEquals(
        "arn:aws:sts::" + ACCOUNT + ":assumed-role/second/two", chained.assumedRoleUser().arn());
  }

  @Test
  void externalIdCondition() {
    role(
        admin,
        "vendor",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::"
            + ACCOUNT
            + ":root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":"
            + "{\"StringEquals\":{\"sts:ExternalId\":\"kata-1234\"}}}]}");
    String vendor = arn(ACCOUNT, "vendor");
    assertError(
        "AccessDenied",
        denied(() -> sts(alice).assumeRole(r -> r.roleArn(vendor).roleSessionName("x1"))));
    assertError(
        "AccessDenied",
        denied(
            () ->
                sts(alice)
                    .assumeRole(r -> r.roleArn(vendor).roleSessionName("x1").externalId("wrong"))));
    assertNotNull(
        sts(alice)
            .assumeRole(r -> r.roleArn(vendor).roleSessionName("x1").externalId("kata-1234"))
            .credentials());
  }

  @Test
  void sessionPoliciesNarrowTheRole() {
    Credentials c =
        sts(alice)
            .assumeRole(
                r ->
                    r.roleArn(arn(ACCOUNT, "reader"))
                        .roleSessionName("narrow")
                        .policy(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Action\":\"iam:ListRoles\",\"Resource\":\"*\"}]}"))
            .credentials();
    IamClient narrow = engine.iam(TestEngine.session(c));
    assertTrue(narrow.listRoles().roles().size() >= 1);
    AwsServiceException e = denied(narrow::listUsers);
    assertEquals(
        "User: arn:aws:sts::"
            + ACCOUNT
            + ":assumed-role/reader/narrow is not authorized to perform:"
            + " iam:ListUsers on resource: arn:aws:iam::"
            + ACCOUNT
            + ":user/ because no session"
            + " policy allows the iam:ListUsers action",
        e.awsErrorDetails().errorMessage());

    Credentials byArn =
        sts(alice)
            .assumeRole(
                r ->
                    r.roleArn(arn(ACCOUNT, "reader"))
                        .roleSessionName("s3only")
                        .policyArns(p -> p.arn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")))
            .credentials();
    assertError("AccessDenied", denied(() -> engine.iam(TestEngine.session(byArn)).listRoles()));

    assertError(
        "MalformedPolicyDocument",
        denied(
            () ->
                sts(alice)
                    .assumeRole(
                        r ->
                            r.roleArn(arn(ACCOUNT, "reader"))
                                .roleSessionName("bad")
                                .policy("{\"Version\":\"2012-10-17\",\"Statement\":["))));
  }

  @Test
  void crossAccountNeedsBothSides() throws Exception {
    IamClient otherAdmin =
        engine.iam(
            AwsBasicCredentials.create(
                engine.engine().adminKey(OTHER).accessKeyId(),
                engine.engine().adminKey(OTHER).secretAccessKey()));
    role(
        otherAdmin,
        "partner",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\""
            + ACCOUNT
            + "\"},\"Action\":\"sts:AssumeRole\"}]}");
    AssumeRoleResponse r =
        sts(alice).assumeRole(b -> b.roleArn(arn(OTHER, "partner")).roleSessionName("bob"));
    assertEquals("arn:aws:sts::" + OTHER + ":assumed-role/partner/bob", r.assumedRoleUser().arn());
    assertEquals(
        OTHER, engine.sts(TestEngine.session(r.credentials())).getCallerIdentity().account());

    AwsCredentials carol = user(admin, "carol");
    assertError(
        "AccessDenied",
        denied(
            () ->
                sts(carol)
                    .assumeRole(b -> b.roleArn(arn(OTHER, "partner")).roleSessionName("carol"))));
  }

  @Test
  void aMissingRoleIsDeniedNotReportedMissing() {
    AwsServiceException e =
        denied(
            () ->
                sts(alice).assumeRole(r -> r.roleArn(arn(ACCOUNT, "nope")).roleSessionName("x1")));
    assertError("AccessDenied", e);
    assertTrue(e.awsErrorDetails().errorMessage().endsWith("on resource: " + arn(ACCOUNT, "nope")));
  }

  @Test
  void tagsNeedTagSessionInTheTrustPolicy() {
    AwsServiceException e =
        denied(
            () ->
                sts(alice)
                    .assumeRole(
                        r ->
                            r.roleArn(arn(ACCOUNT, "reader"))
                                .roleSessionName("tagged")
                                .tags(t -> t.key("team").value("kata"))));
    assertTrue(e.awsErrorDetails().errorMessage().contains("sts:TagSession"), e.getMessage());
  }

  @Test
  void getSessionTokenGivesTheUsersOwnPermissions() {
    AwsCredentials dave = user(admin, "dave");
    Credentials c = sts(dave).getSessionToken().credentials();
    assertTrue(c.accessKeyId().startsWith("ASIA"));
    assertEquals(
        12, Duration.between(engine.engine().clock().instant(), c.expiration()).toHours(), 1);
    AwsCredentials session = TestEngine.session(c);
    assertEquals(
        "arn:aws:iam::" + ACCOUNT + ":user/dave", engine.sts(session).getCallerIdentity().arn());
    assertError("AccessDenied", denied(() -> engine.iam(session).listUsers()));
    assertError("AccessDenied", denied(() -> engine.sts(session).getSessionToken()));
  }

  @Test
  void aDeletedRoleLeavesItsSessionsWithoutPermissions() {
    role(admin, "doomed", trustUser(ACCOUNT, "alice"));
    admin.attachRolePolicy(
        r -> r.roleName("doomed").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
    AwsCredentials s =
        TestEngine.session(
            sts(alice)
                .assumeRole(r -> r.roleArn(arn(ACCOUNT, "doomed")).roleSessionName("d1"))
                .credentials());
    engine.iam(s).listRoles();
    admin.detachRolePolicy(
        r -> r.roleName("doomed").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
    admin.deleteRole(r -> r.roleName("doomed"));
    role(admin, "doomed", trustUser(ACCOUNT, "alice"));
    admin.attachRolePolicy(
        r -> r.roleName("doomed").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
    assertError("AccessDenied", denied(() -> engine.iam(s).listRoles()));
  }

  @Test
  void federatedUsersGetTheUsersPermissionsNarrowedBySessionPolicies() {
    AwsCredentials fed = user(admin, "fed");
    assertError("AccessDenied", denied(() -> sts(fed).getFederationToken(r -> r.name("bob"))));
    admin.putUserPolicy(
        r ->
            r.userName("fed")
                .policyName("fed")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"sts:GetFederationToken\",\"iam:List*\"],\"Resource\":\"*\"}]}"));
    var narrowed =
        sts(fed)
            .getFederationToken(
                r ->
                    r.name("bob")
                        .policy(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Action\":\"iam:ListRoles\",\"Resource\":\"*\"}]}"));
    assertEquals("arn:aws:sts::" + ACCOUNT + ":federated-user/bob", narrowed.federatedUser().arn());
    AwsCredentials bob = TestEngine.session(narrowed.credentials());
    var me = engine.sts(bob).getCallerIdentity();
    assertEquals("arn:aws:sts::" + ACCOUNT + ":federated-user/bob", me.arn());
    assertEquals(ACCOUNT + ":bob", me.userId());
    engine.iam(bob).listRoles();
    AwsServiceException e = denied(() -> engine.iam(bob).listUsers());
    assertTrue(
        e.awsErrorDetails()
            .errorMessage()
            .endsWith("because no session policy allows the iam:ListUsers action"),
        e.getMessage());

    AwsCredentials bare =
        TestEngine.session(sts(fed).getFederationToken(r -> r.name("carl")).credentials());
    assertError("AccessDenied", denied(() -> engine.iam(bare).listRoles()));
  }

  @Test
  void rootCredentialsHaveTheRootShape() {
    engine
        .engine()
        .state()
        .write(
            () -> {
              dev.iamkata.engine.state.AccessKey key = new dev.iamkata.engine.state.AccessKey();
              key.accessKeyId = "AKIAROOTROOTROOTROOT";
              key.secret = "r".repeat(40);
              key.account = ACCOUNT;
              return engine.engine().state().accessKeys.put(key.accessKeyId, key);
            });
    AwsCredentials root = AwsBasicCredentials.create("AKIAROOTROOTROOTROOT", "r".repeat(40));
    var me = sts(root).getCallerIdentity();
    assertEquals("arn:aws:iam::" + ACCOUNT + ":root", me.arn());
    assertEquals(ACCOUNT, me.userId());
    assertTrue(engine.iam(root).listUsers().users().size() >= 1);
  }

  @Test
  void invalidAuthorizationMessage() {
    AwsServiceException e =
        denied(
            () -> engine.adminSts().decodeAuthorizationMessage(r -> r.encodedMessage("garbage")));
    assertError("InvalidAuthorizationMessageException", e);
  }

  @Test
  void concurrentCallersLoseNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      int n = i;
      results.add(
          pool.submit(
              () -> {
                admin.createUser(r -> r.userName("worker-" + n));
                return sts(alice)
                    .assumeRole(r -> r.roleArn(arn(ACCOUNT, "reader")).roleSessionName("w" + n))
                    .assumedRoleUser()
                    .arn();
              }));
    }
    for (int i = 0; i < results.size(); i++) {
      assertTrue(results.get(i).get().endsWith("/w" + i));
    }
    pool.shutdown();
    long workers =
        admin.listUsersPaginator().users().stream()
            .filter(u -> u.userName().startsWith("worker-"))
            .count();
    assertEquals(32, workers);
  }
}
