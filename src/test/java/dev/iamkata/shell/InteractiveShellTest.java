package dev.iamkata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.AccessKeyPair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell through a JLine dumb terminal: lines, multi-line input, completion,
 * history.
 */
class InteractiveShellTest {
  @TempDir Path kataHome;
  final FakeAws aws = new FakeAws();
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

  /**
   * Types {@code input} into a shell on a DumbTerminal. Its type is "ansi", not "dumb": JLine turns
   * completion and history keys off for terminals of type dumb.
   */
  private String type(String input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DumbTerminal t =
        new DumbTerminal(
            "test",
            "ansi",
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            out,
            StandardCharsets.UTF_8)) {
      new InteractiveShell(session, kataHome.resolve("history"), t, null).run();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runsLinesIncludingHeredocsAcrossSeveralPhysicalLines() throws Exception {
    String shown =
        type(
            "cat > p.json <<'EOF'\n{\"Version\": \"2012-10-17\"}\nEOF\n"
                + "echo a \\\nb\n"
                + "cat p.json\n"
                + "exit\n");
    assertTrue(shown.contains("a b\n"), shown);
    assertTrue(shown.contains("{\"Version\": \"2012-10-17\"}\n"), shown);
    assertEquals(
        "{\"Version\": \"2012-10-17\"}\n",
        Files.readString(session.workspace().home().resolve("p.json")));
    assertTrue(shown.startsWith("iam-kata shell."), shown);
    assertTrue(shown.contains("Bye."), shown);
  }

  @Test
  void tabCompletesThroughTheLineReader() throws Exception {
    String shown = type("ech\t hello\nexit\n");
    assertTrue(shown.contains("hello\n"), shown.replace("\u001b", "ESC").replace("\r", "CR"));
  }

  @Test
  void historyIsKeptAcrossTwoSessions() throws Exception {
    type("echo one\nexit\n");
    // Ctrl-P twice: back over "exit" to "echo one" of the first session
    String shown = type("\u0010\u0010\nexit\n");
    assertTrue(shown.contains("one\n"), shown);
    type("echo two\nexit\n");
    Path file = kataHome.resolve("history/default");
    String saved = Files.readString(file);
    assertTrue(saved.indexOf("echo one") < saved.indexOf("echo two"), saved);
  }

  @Test
  void completionCandidates() throws Exception {
    Files.writeString(session.workspace().home().resolve("trust-policy.json"), "{}");
    Files.writeString(
        session.workspace().home().resolve(".aws/config"),
        "[default]\nregion = us-east-1\n[profile dev-session]\nregion = us-east-1\n");
    session.run("export AWS_PROFILE=dev-session");
    try (ArnSource arns =
        new ArnSource("http://127.0.0.1:1", "us-east-1", () -> null, Clock.systemUTC())) {
      ShellCompleter c = new ShellCompleter(session, new AwsCatalogue(), arns);
      assertHas(c, List.of("ca"), "cat", "edit", "aws", "help", "lang");
      assertHas(c, List.of("aws", "ia"), "iam", "sts", "s3", "s3api", "dynamodb");
      assertHas(c, List.of("aws", "iam", "create-r"), "create-role", "list-mfa-devices");
      assertHas(
          c,
          List.of("aws", "iam", "create-role", "--r"),
          "--role-name",
          "--assume-role-policy-document",
          "--profile");
      assertHas(c, List.of("aws", "sts", "assume-role", "--profile", ""), "default", "dev-session");
      assertHas(c, List.of("aws", "sts", "get-caller-identity", "--output", ""), "json", "text");
      assertHas(c, List.of("aws", "s3", ""), "ls", "cp", "mb");
      assertHas(
          c,
          List.of("aws", "iam", "create-role", "--assume-role-policy-document", "file://"),
          "file://trust-policy.json");
      assertHas(c, List.of("cat", "tr"), "trust-policy.json");
      assertHas(c, List.of("echo", "$AWS"), "$AWS_PROFILE", "$HOME");
      assertHas(c, List.of("aws-mode", ""), "builtin");
    }
  }

  private static void assertHas(ShellCompleter c, List<String> words, String... expected) {
    List<Candidate> got = c.candidates(words, words.size() - 1, words.get(words.size() - 1));
    List<String> values = got.stream().map(Candidate::value).toList();
    for (String e : expected) {
      assertTrue(values.contains(e), words + " should offer " + e + ", got " + values);
    }
  }
}
