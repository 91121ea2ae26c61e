package dev.iamkata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.AccessKeyPair;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchShellTest {
  final FakeAws aws = new FakeAws();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  ShellSession session;

  @BeforeEach
  void open() throws Exception {
    session =
        ShellSession.open(
            new ShellSession.Config(
                "http://127.0.0.1:1",
                "us-east-1",
                "123456789012",
                new AccessKeyPair("AKIAADMIN", "secret"),
                null,
                null,
                new AwsModes(List.of(aws), null),
                "en"),
            Map.of());
  }

  @AfterEach
  void close() {
    session.close();
  }

  private int run(String script) throws Exception {
    BatchShell batch =
        new BatchShell(
            session,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return batch.run(script);
  }

  @Test
  void printsExactlyWhatTheCommandsPrintAndExitsZero() throws Exception {
    int rc =
        run(
            "# the learner's lines\n"
                + "export AWS_PROFILE=dev\n"
                + "\n"
                + "aws sts get-caller-identity \\\n  --output json\n"
                + "echo done\n");
    assertEquals(0, rc);
    assertEquals(
        "{\n    \"Account\": \"123456789012\",\n    \"Profile\": \"dev\"\n}\ndone\n",
        out.toString(StandardCharsets.UTF_8));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
    assertEquals(List.of(List.of("sts", "get-caller-identity", "--output", "json")), aws.calls);
  }

  @Test
  void exitStatusIsTheLastFailingCommands() throws Exception {
    int rc = run("aws iam get-role --role-name nope\nnosuch\necho after\n");
    assertEquals(127, rc);
    assertEquals("after\n", out.toString(StandardCharsets.UTF_8));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("An error occurred (NoSuchEntity) when calling the GetRole"), e);
    assertTrue(e.endsWith("kata: command not found: nosuch (type 'help' for the commands)\n"), e);
  }

  @Test
  void exitStopsTheBatch() throws Exception {
    assertEquals(3, run("echo a\nexit 3\necho b\n"));
    assertEquals("a\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void heredocsAndEditWriteFilesInTheSandbox() throws Exception {
    int rc =
        run(
            "cat > trust-policy.json <<'EOF'\n{\"Principal\": \"$X\"}\nEOF\n"
                + "edit notes.txt <<'EOF'\nline 1\nEOF\n"
                + "cat trust-policy.json notes.txt\n");
    assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
    assertEquals(
        "Saved notes.txt (1 lines).\n{\"Principal\": \"$X\"}\nline 1\n",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theDefaultProfileIsTheAdminAndHelpAndLangAreLocalised() throws Exception {
    run("cat ~/.aws/credentials\nlang ja\nhelp\n");
    String o = out.toString(StandardCharsets.UTF_8);
    assertTrue(o.startsWith("[default]\naws_access_key_id = AKIAADMIN\n"), o);
    assertTrue(o.contains("表示言語: 日本語"), o);
    assertTrue(o.contains("コマンド:"), o);
    assertTrue(session.banner().contains("エンドポイント http://127.0.0.1:1"), session.banner());
  }
}
