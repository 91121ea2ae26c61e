package dev.iamkata.shell.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in aws against an engine, for what needs no real aws CLI to compare with. */
class BuiltinAwsIT {
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

  private static Run run(
      Map<String, String> env, Path cwd, String stdin, String endpoint, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc =
        aws.run(
            List.of(args),
            env,
            cwd,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            endpoint);
    return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void configurePromptsWriteTheFilesThatTheNextCommandUses(@TempDir Path home) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString()));
    String answers =
        TestEngine.ADMIN.accessKeyId()
            + "\n"
            + TestEngine.ADMIN.secretAccessKey()
            + "\nus-west-2\njson\n";
    Run configure = run(env, home, answers, engine.endpoint(), "configure");
    assertEquals(0, configure.rc(), configure.err());
    assertEquals(
        "AWS Access Key ID [None]: AWS Secret Access Key [None]: Default region name [None]: "
            + "Default output format [None]: ",
        configure.out());
    assertEquals(
        "[default]\naws_access_key_id = "
            + TestEngine.ADMIN.accessKeyId()
            + "\naws_secret_access_key = "
            + TestEngine.ADMIN.secretAccessKey()
            + "\n",
        Files.readString(home.resolve(".aws/credentials")));
    assertEquals(
        "[default]\nregion = us-west-2\noutput = json\n",
        Files.readString(home.resolve(".aws/config")));
    Run again = run(env, home, "\n\n\n\n", engine.endpoint(), "configure");
    assertEquals(
        "AWS Access Key ID [****************MPLE]: AWS Secret Access Key [****************EKEY]: "
            + "Default region name [us-west-2]: Default output format [json]: ",
        again.out());
    Run who =
        run(
            env,
            home,
            "",
            engine.endpoint(),
            "sts",
            "get-caller-identity",
            "--query",
            "Arn",
            "--output",
            "text");
    assertEquals(new Run(0, "arn:aws:iam::123456789012:user/admin\n", ""), who);
    assertEquals(
        new Run(0, "us-west-2\n", ""),
        run(env, home, "", engine.endpoint(), "configure", "get", "region"));
  }

  @Test
  void withoutAnyEndpointItRefuses(@TempDir Path home) {
    Map<String, String> env =
        Map.of(
            "HOME",
            home.toString(),
            "AWS_ACCESS_KEY_ID",
            "AKIAX",
            "AWS_SECRET_ACCESS_KEY",
            "x",
            "AWS_REGION",
            "us-east-1");
    Run r = run(env, home, "", null, "sts", "get-caller-identity");
    assertEquals(255, r.rc());
    assertTrue(r.err().contains("iam-kata never calls real AWS"), r.err());
  }

  @Test
  void skeletonAndHelpComeFromTheModel(@TempDir Path home) {
    Map<String, String> env = Map.of("HOME", home.toString());
    Run skeleton =
        run(env, home, "", engine.endpoint(), "iam", "get-role", "--generate-cli-skeleton");
    assertEquals(new Run(0, "{\n    \"RoleName\": \"\"\n}\n", ""), skeleton);
    Run help = run(env, home, "", engine.endpoint(), "sts", "assume-role", "help");
    assertTrue(help.out().contains("          --role-arn <value>\n"), help.out());
    assertTrue(help.out().contains("          [--duration-seconds <value>]\n"), help.out());
  }

  @Test
  void cliInputJsonGivesTheMembers(@TempDir Path home) {
    Map<String, String> env =
        Map.of(
            "HOME", home.toString(),
            "AWS_ACCESS_KEY_ID", TestEngine.ADMIN.accessKeyId(),
            "AWS_SECRET_ACCESS_KEY", TestEngine.ADMIN.secretAccessKey(),
            "AWS_REGION", "us-east-1");
    Run r =
        run(
            env,
            home,
            "",
            engine.endpoint(),
            "iam",
            "get-role",
            "--cli-input-json",
            "{\"RoleName\": \"nope\"}");
    assertEquals(254, r.rc());
    assertTrue(
        r.err()
            .startsWith("\nAn error occurred (NoSuchEntity) when calling the GetRole operation: "),
        r.err());
  }
}
