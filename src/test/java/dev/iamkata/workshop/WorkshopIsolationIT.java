package dev.iamkata.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.AccessKeyPair;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Each learner is a world of their own in the workshop's engine: the same bucket names, their own
 * clock (moved by their own {@code wait} or by the instructor), and both survive a restart.
 */
class WorkshopIsolationIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;

  @Test
  void sameBucketNamesOwnClocksAndBothSurviveARestart() throws Exception {
    Path db = dir.resolve("iso.db");
    Workshop w =
        Workshop.open(db, "iso", 0, InetAddress.getLoopbackAddress(), Set.of(), Clock.systemUTC());
    WorkshopHttp http =
        WorkshopHttp.start(w, InetAddress.getLoopbackAddress(), 0, Clock.systemUTC());
    String server = "127.0.0.1:" + http.port();
    WorkshopClient a = new WorkshopClient(server);
    WorkshopClient.Joined ja = a.join(w.joinCode(), "alice", "assume-role-basics");
    WorkshopClient b = new WorkshopClient(server);
    WorkshopClient.Joined jb = b.join(w.joinCode(), "bob", "assume-role-basics");
    String endpoint = ja.endpoint();

    // assume-role-basics's setup makes fixed bucket names: every learner can
    for (WorkshopClient.Joined j : java.util.List.of(ja, jb)) {
      S3Client s3 = s3(endpoint, creds(j.adminKey()));
      for (String bucket : java.util.List.of("testbucket1", "testbucket2", "testbucket3")) {
        s3.createBucket(r -> r.bucket(bucket));
      }
      s3.putObject(r -> r.bucket("testbucket1").key("who"), RequestBody.fromString(j.learner()));
    }
    assertEquals(ja.learner(), read(s3(endpoint, creds(ja.adminKey())), "testbucket1", "who"));
    assertEquals(jb.learner(), read(s3(endpoint, creds(jb.adminKey())), "testbucket1", "who"));

    // another learner's keys are denied on A's role (nothing trusts them)
    String role = "arn:aws:iam::" + ja.account() + ":role/dev-role";
    iam(endpoint, creds(ja.adminKey()))
        .createRole(
            r ->
                r.roleName("dev-role")
                    .assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"AWS\":\"arn:aws:iam::"
                            + ja.account()
                            + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"));
    StsException denied =
        assertThrows(
            StsException.class,
            () ->
                sts(endpoint, creds(jb.adminKey()))
                    .assumeRole(r -> r.roleArn(role).roleSessionName("probe")));
    assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());

    // A's wait of an hour expires A's session only
    Credentials sessionA =
        sts(endpoint, creds(ja.adminKey()))
            .getSessionToken(r -> r.durationSeconds(900))
            .credentials();
    Credentials sessionB =
        sts(endpoint, creds(jb.adminKey()))
            .getSessionToken(r -> r.durationSeconds(900))
            .credentials();
    a.advanceClock(Duration.ofHours(1));
    StsException expired =
        assertThrows(
            StsException.class, () -> sts(endpoint, session(sessionA)).getCallerIdentity());
    assertEquals("ExpiredToken", expired.awsErrorDetails().errorCode());
    assertEquals(jb.account(), sts(endpoint, session(sessionB)).getCallerIdentity().account());
    Instant aliceNow = new WorkshopBackend(ja, a).clockTime();
    assertTrue(aliceNow.isAfter(Instant.now().plus(Duration.ofMinutes(59))), aliceNow.toString());
    assertTrue(
        new WorkshopBackend(jb, b).clockTime().isBefore(Instant.now().plus(Duration.ofMinutes(1))));

    // the instructor moves one learner's clock; a learner's token cannot
    String learnerClock = "http://" + server + "/api/learners/" + jb.learner() + "/clock";
    assertEquals(401, post(learnerClock + "?duration=1h&token=" + ja.token()).statusCode());
    assertEquals(
        200, post(learnerClock + "?duration=1h&token=" + w.instructorToken()).statusCode());
    assertEquals(
        "ExpiredToken",
        assertThrows(StsException.class, () -> sts(endpoint, session(sessionB)).getCallerIdentity())
            .awsErrorDetails()
            .errorCode());

    // a restart brings back each learner's world and clock
    w.persistEngineIfChanged();
    http.close();
    w.close();
    Workshop again =
        Workshop.open(db, "iso", 0, InetAddress.getLoopbackAddress(), Set.of(), Clock.systemUTC());
    try {
      assertEquals(ja.learner(), read(s3(endpoint, creds(ja.adminKey())), "testbucket1", "who"));
      assertEquals(jb.learner(), read(s3(endpoint, creds(jb.adminKey())), "testbucket1", "who"));
      assertEquals(3, s3(endpoint, creds(jb.adminKey())).listBuckets().buckets().size());
      assertEquals(
          "dev-role",
          iam(endpoint, creds(ja.adminKey()))
              .getRole(r -> r.roleName("dev-role"))
              .role()
              .roleName());
      Instant afterRestart = new WorkshopBackend(ja, a).clockTime();
      assertTrue(
          afterRestart.isAfter(Instant.now().plus(Duration.ofMinutes(59))),
          afterRestart.toString());
    } finally {
      again.close();
    }
  }

  private static String read(S3Client s3, String bucket, String key) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
  }

  private static AwsCredentials creds(String key) {
    AccessKeyPair k = AccessKeyPair.parse(key);
    return AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey());
  }

  private static AwsCredentials session(Credentials c) {
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  private static S3Client s3(String endpoint, AwsCredentials creds) {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(creds))
        .build();
  }

  private static StsClient sts(String endpoint, AwsCredentials creds) {
    return StsClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(creds))
        .build();
  }

  private static IamClient iam(String endpoint, AwsCredentials creds) {
    return IamClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(creds))
        .build();
  }

  private static HttpResponse<String> post(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
