package dev.iamkata.engine.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.EngineConfig;
import dev.iamkata.engine.TestEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * S3's authentication errors, its AccessDenied wordings, bucket policies as resource-based policies
 * within and across accounts, multipart uploads and concurrent writers, through the SDK.
 */
class S3AccessIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final String OTHER = EngineConfig.SECOND_ACCOUNT;

  TestEngine engine;
  S3Client admin;

  @BeforeEach
  void start() {
    engine = TestEngine.start();
    admin = engine.adminS3();
    admin.createBucket(b -> b.bucket("shared"));
    admin.putObject(b -> b.bucket("shared").key("doc"), RequestBody.fromString("secret"));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  AwsCredentials otherAdmin() {
    AccessKeyPair key = engine.engine().adminKey(OTHER);
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  /** A new user in {@code iam}'s account with an access key and, unless null, an inline policy. */
  static AwsCredentials user(IamClient iam, String name, String policy) {
    iam.createUser(b -> b.userName(name));
    if (policy != null) {
      iam.putUserPolicy(b -> b.userName(name).policyName("p").policyDocument(policy));
    }
    var key = iam.createAccessKey(b -> b.userName(name)).accessKey();
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  static S3Exception fails(String code, int status, Executable call) {
    S3Exception e = assertThrows(S3Exception.class, call);
    assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
    assertEquals(status, e.statusCode());
    return e;
  }

  static String allow(String principal, String action, String resource) {
    return statement("Allow", principal, action, resource);
  }

  static String statement(String effect, String principal, String action, String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\""
        + effect
        + "\",\"Principal\":{\"AWS\":\""
        + principal
        + "\"},\"Action\":\""
        + action
        + "\",\"Resource\":\""
        + resource
        + "\"}]}";
  }

  @Test
  void authenticationErrorsInS3Words() {
    S3Client unknown =
        engine.s3(AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "x".repeat(40)));
    S3Exception e = fails("InvalidAccessKeyId", 403, () -> unknown.listBuckets());
    assertEquals(
        "The AWS Access Key Id you provided does not exist in our records.",
        e.awsErrorDetails().errorMessage());
    S3Client wrongSecret =
        engine.s3(AwsBasicCredentials.create(TestEngine.ADMIN.accessKeyId(), "y".repeat(40)));
    S3Exception mismatch = fails("SignatureDoesNotMatch", 403, () -> wrongSecret.listBuckets());
    assertEquals(
        "The request signature we calculated does not match the signature you provided. Check"
            + " your key and signing method.",
        mismatch.awsErrorDetails().errorMessage());
  }

  @Test
  void expiredSessionIsExpiredToken() {
    IamClient iam = engine.adminIam();
    iam.createRole(
        b ->
            b.roleName("reader")
                .assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::"
                        + ACCOUNT
                        + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"));
    iam.attachRolePolicy(
        b -> b.roleName("reader").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    Credentials c =
        engine
            .adminSts()
            .assumeRole(
                b ->
                    b.roleArn("arn:aws:iam::" + ACCOUNT + ":role/reader")
                        .roleSessionName("s3-session"))
            .credentials();
    S3Client reader = engine.s3(TestEngine.session(c));
    assertEquals(1, reader.listBuckets().buckets().size());
    assertEquals(
        "secret", reader.getObjectAsBytes(b -> b.bucket("shared").key("doc")).asUtf8String());
    S3Exception write =
        fails(
            "AccessDenied",
            403,
            () -> reader.putObject(b -> b.bucket("shared").key("x"), RequestBody.fromString("x")));
    assertEquals(
        "User: arn:aws:sts::"
            + ACCOUNT
            + ":assumed-role/reader/s3-session is not authorized to perform: s3:PutObject on resource:"
            + " \"arn:aws:s3:::shared/x\" because no identity-based policy allows the s3:PutObject"
            + " action",
        write.awsErrorDetails().errorMessage());
    engine.engine().clock().advance(Duration.ofHours(1));
    S3Exception expired = fails("ExpiredToken", 400, () -> reader.listBuckets());
    assertEquals("The provided token has expired.", expired.awsErrorDetails().errorMessage());
  }

  @Test
  void userWithoutPermissionsIsDenied() {
    S3Client nobody = engine.s3(user(engine.adminIam(), "nobody", null));
    S3Exception e = fails("AccessDenied", 403, () -> nobody.listBuckets());
    assertEquals(
        "User: arn:aws:iam::"
            + ACCOUNT
            + ":user/nobody is not authorized to perform: s3:ListAllMyBuckets on resource:"
            + " \"arn:aws:s3:::*\" because no identity-based policy allows the"
            + " s3:ListAllMyBuckets action",
        e.awsErrorDetails().errorMessage());
    fails("AccessDenied", 403, () -> nobody.getObject(b -> b.bucket("shared").key("doc")));
    fails("NoSuchBucket", 404, () -> nobody.getObject(b -> b.bucket("no-bucket").key("doc")));
  }

  @Test
  void missingKeyIsForbiddenWithoutListBucket() {
    S3Client getter =
        engine.s3(
            user(
                engine.adminIam(),
                "getter",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                    + "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::shared/*\"}]}"));
    S3Exception e =
        fails("AccessDenied", 403, () -> getter.getObject(b -> b.bucket("shared").key("none")));
    assertEquals("Access Denied", e.awsErrorDetails().errorMessage());
    fails("NoSuchKey", 404, () -> admin.getObject(b -> b.bucket("shared").key("none")));
  }

  @Test
  void bucketPolicyGrantsWithinTheAccount() {
    S3Client reader = engine.s3(user(engine.adminIam(), "reader", null));
    fails("AccessDenied", 403, () -> reader.getObject(b -> b.bucket("shared").key("doc")));
    String policy =
        allow("arn:aws:iam::" + ACCOUNT + ":user/reader", "s3:GetObject", "arn:aws:s3:::shared/*");
    admin.putBucketPolicy(b -> b.bucket("shared").policy(policy));
    assertEquals(policy, admin.getBucketPolicy(b -> b.bucket("shared")).policy());
    assertEquals(
        "secret", reader.getObjectAsBytes(b -> b.bucket("shared").key("doc")).asUtf8String());
    admin.deleteBucketPolicy(b -> b.bucket("shared"));
    fails("NoSuchBucketPolicy", 404, () -> admin.getBucketPolicy(b -> b.bucket("shared")));
    fails("AccessDenied", 403, () -> reader.getObject(b -> b.bucket("shared").key("doc")));
  }

  @Test
  void explicitDenyInBucketPolicyStopsEvenTheAdmin() {
    admin.putBucketPolicy(
        b ->
            b.bucket("shared")
                .policy(statement("Deny", "*", "s3:DeleteObject", "arn:aws:s3:::shared/*")));
    S3Exception e =
        fails("AccessDenied", 403, () -> admin.deleteObject(b -> b.bucket("shared").key("doc")));
    assertTrue(
        e.awsErrorDetails()
            .errorMessage()
            .endsWith(
                "s3:DeleteObject on resource: \"arn:aws:s3:::shared/doc\" with an explicit deny"
                    + " in a resource-based policy"),
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void crossAccountNeedsBothSides() {
    S3Client otherAdmin = engine.s3(otherAdmin());
    S3Exception e =
        fails("AccessDenied", 403, () -> otherAdmin.getObject(b -> b.bucket("shared").key("doc")));
    assertEquals("Access Denied", e.awsErrorDetails().errorMessage());
    String policy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":\"arn:aws:iam::"
            + OTHER
            + ":root\"},\"Action\":[\"s3:GetObject\",\"s3:GetBucketPolicy\"],\"Resource\":"
            + "[\"arn:aws:s3:::shared\",\"arn:aws:s3:::shared/*\"]}]}";
    admin.putBucketPolicy(b -> b.bucket("shared").policy(policy));
    assertEquals(
        "secret", otherAdmin.getObjectAsBytes(b -> b.bucket("shared").key("doc")).asUtf8String());
    // a user of the other account without identity policies: the bucket policy alone is not enough
    S3Client stranger = engine.s3(user(engine.iam(otherAdmin()), "stranger", null));
    fails("AccessDenied", 403, () -> stranger.getObject(b -> b.bucket("shared").key("doc")));
    // bucket policy operations belong to the owner's account, even when the policy grants them
    fails("MethodNotAllowed", 405, () -> otherAdmin.getBucketPolicy(b -> b.bucket("shared")));
  }

  @Test
  void malformedPolicies() {
    S3Exception json =
        fails(
            "MalformedPolicy",
            400,
            () -> admin.putBucketPolicy(b -> b.bucket("shared").policy("{not json")));
    assertTrue(json.awsErrorDetails().errorMessage().contains("Json"), json.getMessage());
    S3Exception resource =
        fails(
            "MalformedPolicy",
            400,
            () ->
                admin.putBucketPolicy(
                    b ->
                        b.bucket("shared")
                            .policy(allow("*", "s3:GetObject", "arn:aws:s3:::elsewhere/*"))));
    assertEquals("Policy has invalid resource", resource.awsErrorDetails().errorMessage());
  }

  @Test
  void multipartUploadWithTheSdk() {
    byte[] part1 = new byte[5 * 1024 * 1024];
    byte[] part2 = "tail".getBytes(StandardCharsets.UTF_8);
    java.util.Arrays.fill(part1, (byte) 7);
    String id = admin.createMultipartUpload(b -> b.bucket("shared").key("big")).uploadId();
    String e1 =
        admin
            .uploadPart(
                b -> b.bucket("shared").key("big").uploadId(id).partNumber(1),
                RequestBody.fromBytes(part1))
            .eTag();
    String e2 =
        admin
            .uploadPart(
                b -> b.bucket("shared").key("big").uploadId(id).partNumber(2),
                RequestBody.fromBytes(part2))
            .eTag();
    String etag =
        admin
            .completeMultipartUpload(
                b ->
                    b.bucket("shared")
                        .key("big")
                        .uploadId(id)
                        .multipartUpload(
                            m ->
                                m.parts(
                                    CompletedPart.builder().partNumber(1).eTag(e1).build(),
                                    CompletedPart.builder().partNumber(2).eTag(e2).build())))
            .eTag();
    assertTrue(etag.endsWith("-2\""), etag);
    byte[] got = admin.getObjectAsBytes(b -> b.bucket("shared").key("big")).asByteArray();
    assertEquals(part1.length + part2.length, got.length);
    assertEquals('i', got[got.length - 2]);
    String aborted = admin.createMultipartUpload(b -> b.bucket("shared").key("gone")).uploadId();
    admin.abortMultipartUpload(b -> b.bucket("shared").key("gone").uploadId(aborted));
    fails(
        "NoSuchUpload",
        404,
        () ->
            admin.uploadPart(
                b -> b.bucket("shared").key("gone").uploadId(aborted).partNumber(1),
                RequestBody.fromString("x")));
  }

  @Test
  void hundredConcurrentPutGetPairsLoseNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  S3Client client = engine.adminS3();
                  byte[] data =
                      ("object " + n + " ").repeat(n + 1).getBytes(StandardCharsets.UTF_8);
                  client.putObject(
                      b -> b.bucket("shared").key("c/" + n), RequestBody.fromBytes(data));
                  byte[] back =
                      client.getObjectAsBytes(b -> b.bucket("shared").key("c/" + n)).asByteArray();
                  assertArrayEquals(data, back);
                  return back;
                }));
      }
      for (Future<byte[]> f : results) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(
        100,
        admin.listObjectsV2Paginator(b -> b.bucket("shared").prefix("c/")).contents().stream()
            .count());
  }
}
