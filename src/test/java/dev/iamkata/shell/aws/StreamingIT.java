package dev.iamkata.shell.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming operations ({@code lambda invoke}, {@code s3api get-object}/{@code put-object}).
 */
class StreamingIT {
  private static TestEngine engine;
  private static BuiltinAws aws;

  record Run(int rc, String out, String err) {}

  @BeforeAll
  static void start() {
    engine = TestEngine.start();
    aws = BuiltinAws.create();
  }

  @AfterAll
  static void stop() {
    aws.close();
    engine.close();
  }

  private static Map<String, String> env(Path home) {
    return Map.of(
        "HOME", home.toString(),
        "AWS_ACCESS_KEY_ID", TestEngine.ADMIN.accessKeyId(),
        "AWS_SECRET_ACCESS_KEY", TestEngine.ADMIN.secretAccessKey(),
        "AWS_REGION", "us-east-1");
  }

  private static Run run(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc =
        aws.run(
            List.of(args),
            env(cwd),
            cwd,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            engine.endpoint());
    return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void function(Path dir, String name) throws IOException {
    Files.writeString(
        dir.resolve("trust.json"),
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
    run(
        dir,
        "iam",
        "create-role",
        "--role-name",
        name + "-role",
        "--assume-role-policy-document",
        "file://trust.json");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("handler.json"));
      z.write("{\"return\": \"ok\"}".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    Files.write(dir.resolve("f.zip"), bytes.toByteArray());
    Run created =
        run(
            dir,
            "lambda",
            "create-function",
            "--function-name",
            name,
            "--runtime",
            "python3.12",
            "--role",
            "arn:aws:iam::123456789012:role/" + name + "-role",
            "--handler",
            "index.handler",
            "--zip-file",
            "fileb://f.zip");
    assertEquals(0, created.rc(), created.err());
  }

  @Test
  void invokeWritesThePayloadToOutfileAndPrintsTheRest(@TempDir Path dir) throws IOException {
    function(dir, "streamer");
    Files.writeString(dir.resolve("event.json"), "{\"k\":\"v\"}");
    Run r =
        run(
            dir,
            "lambda",
            "invoke",
            "--function-name",
            "streamer",
            "--payload",
            "fileb://event.json",
            "out.json");
    assertEquals(0, r.rc(), r.err());
    assertTrue(r.out().startsWith("{\n    \"StatusCode\": 200"), r.out());
    assertTrue(!r.out().contains("Payload"), r.out());
    assertEquals("\"ok\"", Files.readString(dir.resolve("out.json")));

    Run raw =
        run(
            dir,
            "lambda",
            "invoke",
            "--function-name",
            "streamer",
            "--payload",
            "{\"k\":\"v\"}",
            "--cli-binary-format",
            "raw-in-base64-out",
            "raw.json");
    assertEquals(0, raw.rc(), raw.err());
    assertEquals("\"ok\"", Files.readString(dir.resolve("raw.json")));
  }

  @Test
  void invokeFollowsV2sArgumentRules(@TempDir Path dir) {
    Run noOutfile = run(dir, "lambda", "invoke", "--function-name", "streamer");
    assertEquals(252, noOutfile.rc());
    assertTrue(
        noOutfile.err().contains("the following arguments are required: outfile"), noOutfile.err());
    Run neither = run(dir, "lambda", "invoke");
    assertTrue(
        neither.err().contains("the following arguments are required: --function-name, outfile"),
        neither.err());
    // v2's default binary format is base64: raw JSON is not valid base64
    Run notBase64 =
        run(
            dir,
            "lambda",
            "invoke",
            "--function-name",
            "streamer",
            "--payload",
            "{\"k\":\"v\"}",
            "o.json");
    assertEquals(252, notBase64.rc());
    assertTrue(notBase64.err().contains("Invalid base64: \"{\"k\":\"v\"}\""), notBase64.err());
    Run badFormat =
        run(dir, "--cli-binary-format", "raw", "lambda", "invoke", "--function-name", "f", "o");
    assertEquals(252, badFormat.rc());
    assertTrue(badFormat.err().contains("argument --cli-binary-format: Invalid choice"));
  }

  @Test
  void putObjectSendsTheBodyFileAndGetObjectWritesItBack(@TempDir Path dir) throws IOException {
    assertEquals(0, run(dir, "s3api", "create-bucket", "--bucket", "stream-bucket").rc());
    byte[] data = {0, 1, 2, (byte) 0xff, 'h', 'i'};
    Files.write(dir.resolve("data.txt"), data);
    Run put =
        run(
            dir,
            "s3api",
            "put-object",
            "--bucket",
            "stream-bucket",
            "--key",
            "d.bin",
            "--body",
            "data.txt");
    assertEquals(0, put.rc(), put.err());
    assertTrue(put.out().contains("\"ETag\": \"\\\""), put.out());
    Run get =
        run(dir, "s3api", "get-object", "--bucket", "stream-bucket", "--key", "d.bin", "back.bin");
    assertEquals(0, get.rc(), get.err());
    assertTrue(get.out().contains("\"ContentLength\": 6,"), get.out());
    // no --content-type: S3's default, not a type guessed from the file name
    assertTrue(get.out().contains("\"ContentType\": \"binary/octet-stream\""), get.out());
    assertTrue(!get.out().contains("Body"), get.out());
    assertArrayEquals(data, Files.readAllBytes(dir.resolve("back.bin")));

    Run missingBody =
        run(
            dir,
            "s3api",
            "put-object",
            "--bucket",
            "stream-bucket",
            "--key",
            "x",
            "--body",
            "nope.bin");
    assertEquals(
        new Run(
            252, "", "\nError parsing parameter '--body': Blob values must be a path to a file.\n"),
        missingBody);
    Run noKey = run(dir, "s3api", "get-object", "--bucket", "stream-bucket", "--key", "nope", "o");
    assertEquals(254, noKey.rc());
    assertTrue(
        noKey.err().contains("(NoSuchKey) when calling the GetObject operation"), noKey.err());
  }
}
