package dev.iamkata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./kata} launcher and the command-line contract, run as a user runs them: as processes,
 * against the jar that {@code package} built.
 */
class KataLauncherIT {
  static final String KEY = "AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  record Run(int exit, String out, String err) {}

  static Run kata(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(concat("./kata", args));
    pb.environment().putAll(env);
    Path out = Files.createTempFile("kata-out", ".txt");
    Path err = Files.createTempFile("kata-err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "kata did not finish");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static List<String> concat(String first, String... rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all;
  }

  @Test
  void helpVersionAndUsageErrors() throws Exception {
    Run help = kata(Map.of());
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().contains("engine") && help.out().contains("clock"), help.out());
    Run version = kata(Map.of(), "--version");
    assertTrue(version.out().startsWith("iam-kata "), version.out());
    Run unknown = kata(Map.of(), "--frobnicate");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("Unknown option: '--frobnicate'"), unknown.err());
    Run badAccount = kata(Map.of(), "engine", "--account", "12");
    assertEquals(2, badAccount.exit());
    assertTrue(badAccount.err().contains("--account must be 12 digits"), badAccount.err());
    Run badDuration =
        kata(
            Map.of(),
            "clock",
            "advance",
            "soon",
            "--endpoint",
            "http://127.0.0.1:1",
            "--admin-key",
            KEY);
    assertEquals(2, badDuration.exit());
    assertTrue(badDuration.err().contains("not a duration"), badDuration.err());
  }

  @Test
  void anOldJavaIsRefusedPlainly() throws Exception {
    Path jdk = Files.createTempDirectory("old-jdk");
    Path bin = Files.createDirectories(jdk.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Run run = kata(Map.of("JAVA_HOME", jdk.toString()), "--version");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("needs Java 17 or newer"), run.err());
  }

  @Test
  void engineReadyLineClockAndCleanStop() throws Exception {
    Process engine =
        new ProcessBuilder("./kata", "engine", "--port", "0", "--admin-key", KEY)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8));
      String ready = out.readLine();
      assertTrue(ready.matches("iam-kata engine ready at http://127\\.0\\.0\\.1:\\d+"), ready);
      String endpoint = ready.substring("iam-kata engine ready at ".length());
      Run advanced =
          kata(Map.of(), "clock", "advance", "1h", "--endpoint", endpoint, "--admin-key", KEY);
      assertEquals(0, advanced.exit(), advanced.err());
      assertTrue(advanced.out().contains("(1h ahead of real time)"), advanced.out());
      Run shown = kata(Map.of(), "clock", "show", "--endpoint", endpoint);
      assertTrue(shown.out().startsWith("engine clock: "), shown.out());
      Run wrongKey =
          kata(
              Map.of(),
              "clock",
              "advance",
              "1h",
              "--endpoint",
              endpoint,
              "--admin-key",
              "AKIAAAAAAAAAAAAAAAAA:nope");
      assertEquals(1, wrongKey.exit());
      assertTrue(wrongKey.err().contains("InvalidClientTokenId"), wrongKey.err());
    } finally {
      engine.destroy();
      assertTrue(engine.waitFor(10, TimeUnit.SECONDS), "engine did not stop on SIGTERM");
    }
  }

  @Test
  void withoutAnAdminKeyTheEnginePrintsOne() throws Exception {
    Process engine =
        new ProcessBuilder("./kata", "engine")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8));
      assertTrue(out.readLine().startsWith("iam-kata engine ready at http://127.0.0.1:"));
      assertTrue(out.readLine().matches("admin key: AKIA[A-Z2-7]{16}:\\S{40}"));
    } finally {
      engine.destroy();
      engine.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void shellAwsAndClockReachASecondEngineThroughTheExternalBackend() throws Exception {
    Process engine =
        new ProcessBuilder("./kata", "engine", "--port", "0", "--admin-key", KEY)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String ready =
          new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      String endpoint = ready.substring("iam-kata engine ready at ".length());
      String[] external = {"--backend", "external", "--endpoint", endpoint, "--admin-key", KEY};
      Path batch = Files.createTempFile("kata-batch", ".txt");
      Files.writeString(
          batch,
          "aws iam create-user --user-name from-the-shell --query User.UserName --output text\n"
              + "aws sts get-caller-identity --query Arn --output text\n");
      Run shell =
          kata(Map.of(), args(new String[] {"shell", "--batch", batch.toString()}, external));
      assertEquals(0, shell.exit(), shell.err());
      assertEquals("from-the-shell\narn:aws:iam::123456789012:user/admin\n", shell.out());
      // the user is in the other engine's state, where `kata aws` finds it too
      Run aws =
          kata(
              Map.of(),
              args(
                  "aws",
                  args(
                      external,
                      "iam",
                      "get-user",
                      "--user-name",
                      "from-the-shell",
                      "--query",
                      "User.UserName",
                      "--output",
                      "text")));
      assertEquals("from-the-shell\n", aws.out(), aws.err());
      Run clock = kata(Map.of(), args("clock", args(new String[] {"advance", "2h"}, external)));
      assertEquals(0, clock.exit(), clock.err());
      assertTrue(clock.out().startsWith("external clock: "), clock.out());
      assertTrue(clock.out().contains("ahead of real time"), clock.out());
    } finally {
      engine.destroy();
      engine.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static String[] args(String first, String[] rest) {
    return concat(first, rest).toArray(String[]::new);
  }

  static String[] args(String[] first, String... rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }
}
