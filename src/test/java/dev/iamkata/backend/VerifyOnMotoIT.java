package dev.iamkata.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kata verify assume-role-basics --backend external} against moto's server: what moto
 * cannot show (denials, the simulator, expiry) is SKIPPED with the probe's reason, every other
 * check verifies red-green, and the command exits 0.
 */
@Tag("slow")
class VerifyOnMotoIT {
  @TempDir Path home;

  @Test
  void assumeRoleBasicsVerifiesWhatMotoCanShowAndSkipsTheRest() throws Exception {
    Assumptions.assumeTrue(
        MotoServer.executable().isPresent(), "moto_server is not on PATH: test skipped");
    Assumptions.assumeTrue(onPath("aws"), "no aws CLI on PATH to run the lesson's commands");
    // moto 5 loads AWS-managed policies (the lesson attaches AmazonS3ReadOnlyAccess) only when
    // asked
    try (MotoServer moto = MotoServer.start(Map.of("MOTO_IAM_LOAD_MANAGED_POLICIES", "true"))) {
      ProcessBuilder pb =
          new ProcessBuilder(
              "./kata",
              "verify",
              "assume-role-basics",
              "--backend",
              "external",
              "--endpoint",
              moto.endpoint(),
              "--admin-key",
              "test:test");
      pb.environment().put("IAM_KATA_HOME", home.toString());
      Path out = home.resolve("out.txt");
      Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
      assertTrue(p.waitFor(8, TimeUnit.MINUTES), "kata verify did not finish");
      String text = Files.readString(out);
      assertEquals(0, p.exitValue(), text);
      List<String> lines = text.lines().toList();
      assertTrue(lines.get(0).startsWith("OK    assume-role-basics  (10 steps"), text);
      for (String ok :
          new String[] {
            "assume-the-role", "session-profile", "session-lists-buckets", "who-am-i"
          }) {
        assertTrue(
            lines.stream().anyMatch(l -> l.matches(" +\\d+  " + ok + " +red +ok")),
            ok + "\n" + text);
      }
      for (String skipped :
          new String[] {
            "user-is-denied",
            "allow-assume-role",
            "trust-the-user",
            "session-denied-dynamodb",
            "user-still-denied",
            "session-expires"
          }) {
        assertTrue(
            lines.stream().anyMatch(l -> l.matches(" +\\d+  " + skipped + " +skipped")),
            skipped + "\n" + text);
      }
      assertTrue(
          text.contains(
              "SKIPPED state: trust of dev-role allows arn:aws:iam::{{account}}:user/dev-user\n"
                  + "                cannot be verified on this backend (external): no"
                  + " policy-simulator"),
          text);
      assertTrue(
          text.contains(
              "SKIPPED learner-ran: aws s3 ls --profile dev-session → ExpiredToken\n"
                  + "                cannot be verified on this backend (external): no"
                  + " token-expiry"),
          text);
      assertTrue(text.endsWith("all lessons verify\n"), text);
    }
  }

  private static boolean onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }
}
