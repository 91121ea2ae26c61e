package dev.iamkata.cli;

import static dev.iamkata.cli.KataLauncherIT.kata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.cli.KataLauncherIT.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kata backend probe} as a user runs it. */
class BackendProbeCommandIT {
  @TempDir Path home;

  private Map<String, String> env() {
    return Map.of("IAM_KATA_HOME", home.toString());
  }

  @Test
  void probesTheEmbeddedEngineByDefault() throws Exception {
    Run run = kata(env(), "backend", "probe");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("backend embedded at http://127.0.0.1:"), run.out());
    for (String capability :
        new String[] {
          "identity-policies",
          "trust-policies",
          "token-expiry",
          "clock-control",
          "snapshots",
          "signatures"
        }) {
      assertTrue(
          run.out().lines().anyMatch(l -> l.matches(capability + " +yes  .*")),
          capability + " in\n" + run.out());
    }
    assertTrue(run.out().lines().anyMatch(l -> l.matches("lambda +yes  ok")), run.out());
  }

  @Test
  void badCombinationsAreUsageErrors() throws Exception {
    Run embedded = kata(env(), "backend", "probe", "--endpoint", "http://127.0.0.1:9");
    assertEquals(2, embedded.exit());
    assertTrue(
        embedded.err().startsWith("--endpoint is for --backend external or localstack"),
        embedded.err());
    Run external = kata(env(), "backend", "probe", "--backend", "external");
    assertEquals(2, external.exit());
    assertTrue(
        external.err().startsWith("--backend external needs --endpoint URL"), external.err());
    Run unknown = kata(env(), "backend", "probe", "--backend", "aws");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().startsWith("unknown backend 'aws'"), unknown.err());
  }

  @Test
  void theSettingsFileChoosesTheBackendAndItsErrorsNameTheFile() throws Exception {
    Files.writeString(
        home.resolve("settings.json"),
        "{\"backend\": {\"name\": \"external\", \"endpoint\": \"http://127.0.0.1:9\"}}");
    Run run =
        kata(Map.of("IAM_KATA_HOME", home.toString(), "KATA_ADMIN_KEY", "A:B"), "backend", "probe");
    assertEquals(1, run.exit(), run.out());
    assertTrue(
        run.err()
            .startsWith("kata backend probe: nothing answered as AWS STS at http://127.0.0.1:9"),
        run.err());
    Run flag = kata(env(), "backend", "probe", "--backend", "embedded");
    assertEquals(0, flag.exit(), flag.err());
    Files.writeString(home.resolve("settings.json"), "{\"backend\": [1]}");
    Run bad = kata(env(), "backend", "probe");
    assertEquals(2, bad.exit());
    assertTrue(
        bad.err()
            .startsWith(
                home.resolve("settings.json")
                    + ": \"backend\" must be an object like {\"name\": \"embedded\"}"),
        bad.err());
  }

  @Test
  void localStackWithoutDockerSaysSo() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dev.iamkata.backend.LocalStackBackend.dockerProblem() != null,
        "a Docker engine answers here: LocalStackIT covers the container");
    Run run = kata(env(), "backend", "probe", "--backend", "localstack");
    assertEquals(1, run.exit(), run.out());
    assertTrue(
        run.err()
            .startsWith(
                "kata backend probe: LocalStack needs Docker, and no Docker engine answered: "),
        run.err());
  }
}
