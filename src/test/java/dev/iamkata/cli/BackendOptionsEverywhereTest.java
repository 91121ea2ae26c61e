package dev.iamkata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.backend.BackendOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Every command that talks to AWS takes {@code --backend}, {@code --endpoint} and {@code
 * --admin-key} from the one mixin, and {@code kata verify} and {@code kata grade} take {@code
 * --real-wait}. Parsing only: nothing starts.
 */
class BackendOptionsEverywhereTest {
  static final List<List<String>> TALKING_TO_AWS =
      List.of(
          List.of(),
          List.of("shell"),
          List.of("aws"),
          List.of("clock", "show"),
          List.of("clock", "advance"),
          List.of("verify"),
          List.of("grade"),
          List.of("backend", "probe"));

  static CommandLine sub(List<String> path) {
    CommandLine cl = Main.commandLine();
    for (String name : path) {
      cl = cl.getSubcommands().get(name);
    }
    return cl;
  }

  @Test
  void everyCommandThatCallsAwsHasTheBackendOptions() {
    for (List<String> path : TALKING_TO_AWS) {
      CommandLine cl = sub(path);
      for (String option : List.of("--backend", "--endpoint", "--admin-key")) {
        assertNotNull(cl.getCommandSpec().findOption(option), "kata " + path + " " + option);
      }
      assertTrue(
          cl.getCommandSpec().mixins().values().stream()
              .anyMatch(m -> m.userObject() instanceof BackendOptions),
          "kata " + path + " uses the BackendOptions mixin");
    }
  }

  @Test
  void theOptionsParseOnEachCommand() {
    for (List<String> path : TALKING_TO_AWS) {
      String[] args =
          concat(
              path,
              "--backend",
              "external",
              "--endpoint",
              "http://127.0.0.1:5000",
              "--admin-key",
              "AKIAEXAMPLE:secret",
              path.equals(List.of("clock", "advance")) ? "1h" : null);
      ParseResult parsed = Main.commandLine().parseArgs(args);
      while (parsed.hasSubcommand()) {
        parsed = parsed.subcommand();
      }
      BackendOptions o =
          (BackendOptions)
              parsed.commandSpec().mixins().values().stream()
                  .map(m -> m.userObject())
                  .filter(u -> u instanceof BackendOptions)
                  .findFirst()
                  .orElseThrow();
      assertEquals("external", o.backend(), String.join(" ", args));
      assertEquals("http://127.0.0.1:5000", o.endpoint());
      assertEquals("AKIAEXAMPLE:secret", o.adminKey());
    }
  }

  @Test
  void kataAwsTakesKatasOptionsBeforeTheServiceAndPassesTheRestOn() {
    ParseResult parsed =
        Main.commandLine()
            .parseArgs(
                "aws",
                "--backend",
                "external",
                "--endpoint",
                "http://127.0.0.1:5000",
                "sts",
                "get-caller-identity",
                "--endpoint-url",
                "http://elsewhere",
                "--backend",
                "x");
    AwsCommand aws = (AwsCommand) parsed.subcommand().commandSpec().userObject();
    assertEquals("external", aws.backend.backend());
    assertEquals(
        List.of(
            "sts", "get-caller-identity", "--endpoint-url", "http://elsewhere", "--backend", "x"),
        aws.args);
  }

  @Test
  void verifyAndGradeTakeRealWait() {
    VerifyCommand verify =
        (VerifyCommand)
            Main.commandLine()
                .parseArgs("verify", "assume-role-basics", "--real-wait")
                .subcommand()
                .commandSpec()
                .userObject();
    assertTrue(verify.realWait);
    GradeCommand grade =
        (GradeCommand)
            Main.commandLine()
                .parseArgs("grade", "assume-role-basics", "--script", "s.sh")
                .subcommand()
                .commandSpec()
                .userObject();
    assertFalse(grade.realWait, "off unless asked for");
    grade =
        (GradeCommand)
            Main.commandLine()
                .parseArgs("grade", "assume-role-basics", "--script", "s.sh", "--real-wait")
                .subcommand()
                .commandSpec()
                .userObject();
    assertTrue(grade.realWait);
  }

  @Test
  void kataClockRefusesAFreshEmbeddedEngine() {
    CommandLine cl = Main.commandLine();
    java.io.StringWriter err = new java.io.StringWriter();
    cl.setErr(new java.io.PrintWriter(err));
    assertEquals(2, cl.execute("clock", "show", "--backend", "embedded"));
    assertTrue(err.toString().contains("kata clock needs a running backend"), err.toString());
  }

  private static String[] concat(List<String> path, String... more) {
    return java.util.stream.Stream.concat(
            path.stream(), java.util.Arrays.stream(more).filter(s -> s != null))
        .toArray(String[]::new);
  }
}
