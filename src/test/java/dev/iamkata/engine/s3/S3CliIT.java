package dev.iamkata.engine.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.engine.AwsCli;
import dev.iamkata.engine.TestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The first article's S3 commands with the real aws CLI (path-style through {@code
 * --endpoint-url}): {@code s3 mb/cp/ls/rm}, {@code s3api list-objects-v2}, a 20 MB multipart copy,
 * and the article's refusals. Skipped, with the reason shown, when no {@code aws} is on PATH.
 */
@Tag("slow")
class S3CliIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final ObjectMapper JSON = new ObjectMapper();

  TestEngine engine;
  AwsCli aws;
  Path dir;

  @BeforeEach
  void setUp() throws IOException {
    Assumptions.assumeTrue(
        AwsCli.executable() != null, "no aws executable on PATH: real-CLI tests skipped");
    engine = TestEngine.start();
    aws = new AwsCli(engine.endpoint());
    aws.profile("admin", TestEngine.ADMIN.accessKeyId(), TestEngine.ADMIN.secretAccessKey(), null);
    dir = Files.createTempDirectory("kata-s3-cli");
  }

  @AfterEach
  void tearDown() throws IOException {
    if (engine != null) {
      aws.close();
      engine.close();
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  AwsCli.Result ok(AwsCli.Result r) {
    assertEquals(0, r.exitCode(), r.toString());
    return r;
  }

  @Test
  void mbCpLsRmAndListObjectsV2() throws IOException {
    ok(aws.run("admin", "s3", "mb", "s3://kata-bucket"));
    assertTrue(ok(aws.run("admin", "s3", "ls")).stdout().contains("kata-bucket"));
    Path file = dir.resolve("hello.txt");
    Files.writeString(file, "hello from the kata\n");
    ok(aws.run("admin", "s3", "cp", file.toString(), "s3://kata-bucket/notes/hello.txt"));
    String listing = ok(aws.run("admin", "s3", "ls", "s3://kata-bucket/notes/")).stdout();
    assertTrue(listing.contains("hello.txt"), listing);
    assertTrue(
        ok(aws.run("admin", "s3", "ls", "s3://kata-bucket")).stdout().contains("PRE notes/"));
    JsonNode listed =
        JSON.readTree(
            ok(aws.run("admin", "s3api", "list-objects-v2", "--bucket", "kata-bucket")).stdout());
    assertEquals("notes/hello.txt", listed.at("/Contents/0/Key").asText());
    assertEquals(20, listed.at("/Contents/0/Size").asInt());
    Path back = dir.resolve("back.txt");
    ok(aws.run("admin", "s3", "cp", "s3://kata-bucket/notes/hello.txt", back.toString()));
    assertEquals("hello from the kata\n", Files.readString(back));
    ok(aws.run("admin", "s3", "rm", "s3://kata-bucket/notes/hello.txt"));
    AwsCli.Result noKey =
        aws.run(
            "admin",
            "s3api",
            "get-object",
            "--bucket",
            "kata-bucket",
            "--key",
            "notes/hello.txt",
            dir.resolve("none").toString());
    assertTrue(
        noKey
            .stderr()
            .contains(
                "An error occurred (NoSuchKey) when calling the GetObject operation: The specified"
                    + " key does not exist."),
        noKey.toString());
    AwsCli.Result noBucket = aws.run("admin", "s3api", "delete-bucket", "--bucket", "nope-bucket");
    assertTrue(
        noBucket
            .stderr()
            .contains(
                "An error occurred (NoSuchBucket) when calling the DeleteBucket operation: The"
                    + " specified bucket does not exist"),
        noBucket.toString());
    JsonNode empty =
        JSON.readTree(
            ok(aws.run("admin", "s3api", "list-objects-v2", "--bucket", "kata-bucket"))
                    .stdout()
                    .isBlank()
                ? "{}"
                : aws.run("admin", "s3api", "list-objects-v2", "--bucket", "kata-bucket").stdout());
    assertTrue(empty.path("Contents").isMissingNode(), empty.toString());
    ok(aws.run("admin", "s3", "rb", "s3://kata-bucket"));
    AwsCli.Result gone = aws.run("admin", "s3api", "head-bucket", "--bucket", "kata-bucket");
    assertTrue(gone.stderr().contains("404"), gone.toString());
  }

  @Test
  void multipartCopyOfTwentyMegabytesRoundTrips() throws IOException {
    ok(aws.run("admin", "s3", "mb", "s3://big"));
    byte[] data = new byte[20 * 1024 * 1024];
    new Random(42).nextBytes(data);
    Path file = dir.resolve("big.bin");
    Files.write(file, data);
    ok(aws.run("admin", "s3", "cp", file.toString(), "s3://big/big.bin"));
    JsonNode head =
        JSON.readTree(
            ok(aws.run("admin", "s3api", "head-object", "--bucket", "big", "--key", "big.bin"))
                .stdout());
    assertEquals(data.length, head.path("ContentLength").asLong());
    assertTrue(head.path("ETag").asText().endsWith("-3\""), head.toString());
    Path back = dir.resolve("back.bin");
    ok(aws.run("admin", "s3", "cp", "s3://big/big.bin", back.toString()));
    assertArrayEquals(data, Files.readAllBytes(back));
  }

  @Test
  void articleRefusalsAndExpiry() throws IOException {
    ok(aws.run("admin", "iam", "create-user", "--user-name", "dev-user"));
    JsonNode key =
        JSON.readTree(
            ok(aws.run("admin", "iam", "create-access-key", "--user-name", "dev-user")).stdout());
    aws.profile(
        "dev-user",
        key.at("/AccessKey/AccessKeyId").asText(),
        key.at("/AccessKey/SecretAccessKey").asText(),
        null);
    AwsCli.Result denied = aws.run("dev-user", "s3", "ls");
    assertEquals("AccessDenied", denied.errorCode(), denied.toString());
    assertTrue(
        denied
            .stderr()
            .contains(
                "An error occurred (AccessDenied) when calling the ListBuckets operation: User:"
                    + " arn:aws:iam::"
                    + ACCOUNT
                    + ":user/dev-user is not authorized to perform: s3:ListAllMyBuckets on"
                    + " resource: \"arn:aws:s3:::*\" because no identity-based policy allows the"
                    + " s3:ListAllMyBuckets action"),
        denied.stderr());

    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::"
            + ACCOUNT
            + ":user/dev-user\"},\"Action\":\"sts:AssumeRole\"}]}";
    ok(
        aws.run(
            "admin",
            "iam",
            "create-role",
            "--role-name",
            "dev-role",
            "--assume-role-policy-document",
            trust));
    ok(
        aws.run(
            "admin",
            "iam",
            "attach-role-policy",
            "--role-name",
            "dev-role",
            "--policy-arn",
            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    ok(
        aws.run(
            "admin",
            "iam",
            "put-user-policy",
            "--user-name",
            "dev-user",
            "--policy-name",
            "assume",
            "--policy-document",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::"
                + ACCOUNT
                + ":role/dev-role\"}]}"));
    ok(aws.run("admin", "s3", "mb", "s3://team-bucket"));
    JsonNode assumed =
        JSON.readTree(
            ok(aws.run(
                    "dev-user",
                    "sts",
                    "assume-role",
                    "--role-arn",
                    "arn:aws:iam::" + ACCOUNT + ":role/dev-role",
                    "--role-session-name",
                    "dev-session"))
                .stdout());
    aws.profile(
        "dev-session",
        assumed.at("/Credentials/AccessKeyId").asText(),
        assumed.at("/Credentials/SecretAccessKey").asText(),
        assumed.at("/Credentials/SessionToken").asText());
    assertTrue(ok(aws.run("dev-session", "s3", "ls")).stdout().contains("team-bucket"));

    engine.engine().clock().advance(Duration.ofHours(1));
    AwsCli.Result expired = aws.run("dev-session", "s3", "ls");
    assertTrue(
        expired
            .stderr()
            .contains(
                "An error occurred (ExpiredToken) when calling the ListBuckets operation: The"
                    + " provided token has expired."),
        expired.toString());
  }
}
