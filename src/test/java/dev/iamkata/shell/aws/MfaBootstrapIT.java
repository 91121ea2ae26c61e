package dev.iamkata.shell.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.TestEngine;
import dev.iamkata.engine.iam.QrImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in aws's {@code iam create-virtual-mfa-device --outfile F --bootstrap-method M} against
 * a real engine: either bootstrap form lands in F, owner-readable only, and neither is printed.
 */
class MfaBootstrapIT {
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

  private static Run run(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc =
        aws.run(
            List.of(args),
            Map.of(
                "HOME", cwd.toString(),
                "AWS_ACCESS_KEY_ID", TestEngine.ADMIN.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", TestEngine.ADMIN.secretAccessKey(),
                "AWS_REGION", "us-east-1"),
            cwd,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            engine.endpoint());
    return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Run create(Path dir, String name, String outfile, String method) {
    return run(
        dir,
        "iam",
        "create-virtual-mfa-device",
        "--virtual-mfa-device-name",
        name,
        "--outfile",
        outfile,
        "--bootstrap-method",
        method);
  }

  @Test
  void qrCodePngWritesAPngOfTheOtpauthUri(@TempDir Path dir) throws Exception {
    Run r = create(dir, "qr-phone", "qr.png", "QRCodePNG");
    assertEquals(0, r.rc(), r.err());
    assertTrue(r.out().contains("arn:aws:iam::" + TestEngine.ACCOUNT + ":mfa/qr-phone"), r.out());
    assertFalse(r.out().contains("QRCodePNG") || r.out().contains("Base32StringSeed"), r.out());
    byte[] png = Files.readAllBytes(dir.resolve("qr.png"));
    assertTrue(QrImages.isPng(png));
    String uri = QrImages.decode(png);
    String prefix =
        "otpauth://totp/Amazon%20Web%20Services:qr-phone@" + TestEngine.ACCOUNT + "?secret=";
    String suffix = "&issuer=Amazon%20Web%20Services";
    assertTrue(uri.startsWith(prefix) && uri.endsWith(suffix), uri);
    assertTrue(
        uri.substring(prefix.length(), uri.length() - suffix.length()).matches("[A-Z2-7]{64}"),
        uri);
    assertEquals(
        PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(dir.resolve("qr.png")));
  }

  @Test
  void base32StringSeedStillWritesTheSeed(@TempDir Path dir) throws Exception {
    Run r = create(dir, "seed-phone", "seed.txt", "Base32StringSeed");
    assertEquals(0, r.rc(), r.err());
    assertTrue(Files.readString(dir.resolve("seed.txt")).matches("[A-Z2-7]{64}"));
  }
}
