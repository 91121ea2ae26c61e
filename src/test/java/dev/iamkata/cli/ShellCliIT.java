package dev.iamkata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.TestEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kata shell --batch} in-process, as the acceptance script runs it. */
class ShellCliIT {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run kata(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.commandLine().execute(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void batchAgainstARunningEngineWithExportedKeys() throws Exception {
    Path batch = dir.resolve("batch.txt");
    StringBuilder lines =
        new StringBuilder("export AWS_ACCESS_KEY_ID=" + TestEngine.ADMIN.accessKeyId() + "\n")
            .append("export AWS_SECRET_ACCESS_KEY=" + TestEngine.ADMIN.secretAccessKey() + "\n");
    for (int i = 0; i < 5; i++) {
      lines.append("aws sts get-caller-identity\n");
    }
    Files.writeString(batch, lines);
    try (TestEngine engine = TestEngine.start()) {
      Run r = kata("shell", "--batch", batch.toString(), "--endpoint", engine.endpoint());
      assertEquals(0, r.code(), r.out() + r.err());
      assertEquals(5, r.out().split("\"Account\": \"123456789012\"", -1).length - 1, r.out());
      assertEquals("", r.err());
    }
  }

  @Test
  void batchAgainstAnotherEngineThroughTheExternalBackendIsItsAdmin() throws Exception {
    Path batch = dir.resolve("batch.txt");
    Files.writeString(
        batch,
        "aws iam create-user --user-name made-in-batch --query User.UserName --output text\n"
            + "aws sts get-caller-identity --query Account --output text\n");
    try (TestEngine engine = TestEngine.start()) {
      Run r =
          kata(
              "shell",
              "--batch",
              batch.toString(),
              "--backend",
              "external",
              "--endpoint",
              engine.endpoint(),
              "--admin-key",
              TestEngine.ADMIN.toString());
      assertEquals(0, r.code(), r.out() + r.err());
      assertEquals("made-in-batch\n" + TestEngine.ACCOUNT + "\n", r.out());
      assertEquals(
          "made-in-batch",
          engine.adminIam().getUser(b -> b.userName("made-in-batch")).user().userName(),
          "the user is in that engine, not in one the shell started");
    }
  }

  @Test
  void withoutAnEndpointTheDefaultProfileIsTheEmbeddedEnginesAdmin() throws Exception {
    Path batch = dir.resolve("batch.txt");
    Files.writeString(batch, "aws sts get-caller-identity --query Arn --output text\nfalse\n");
    Run r = kata("shell", "--batch", batch.toString());
    assertEquals("arn:aws:iam::123456789012:user/admin\n", r.out(), r.err());
    assertEquals(1, r.code(), "the last failing command's status");
  }

  @Test
  void aMissingBatchFileIsAClearError() {
    Run r = kata("shell", "--batch", dir.resolve("nope.txt").toString(), "--endpoint", "http://x");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("kata shell: cannot read "), r.err());
  }
}
