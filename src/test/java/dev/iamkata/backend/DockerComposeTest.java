package dev.iamkata.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} starts LocalStack as {@link LocalStackBackend} does: the pinned image,
 * port 4566, the same environment, a health check on {@code /_localstack/health}. {@code docker
 * compose config} validates the file where the compose plugin exists.
 */
class DockerComposeTest {
  private static final Path FILE = Path.of("docker-compose.yml");

  private static JsonNode localstack() throws Exception {
    return new ObjectMapper(new YAMLFactory())
        .readTree(FILE.toFile())
        .path("services")
        .path("localstack");
  }

  @Test
  void theImageIsThePinnedOne() throws Exception {
    assertEquals(LocalStackBackend.IMAGE, localstack().path("image").asText());
  }

  @Test
  void port4566IsPublishedOnLoopback() throws Exception {
    List<String> ports = new ArrayList<>();
    localstack().path("ports").forEach(p -> ports.add(p.asText()));
    assertEquals(List.of("127.0.0.1:4566:4566"), ports);
  }

  @Test
  void theEnvironmentIsTheBackendsWithTheTokenPassedThrough() throws Exception {
    JsonNode env = localstack().path("environment");
    Map<String, String> expected =
        LocalStackBackend.environment(
            Map.of("LOCALSTACK_AUTH_TOKEN", "${LOCALSTACK_AUTH_TOKEN:-}"));
    Map<String, String> actual = new java.util.LinkedHashMap<>();
    env.fields().forEachRemaining(e -> actual.put(e.getKey(), e.getValue().asText()));
    assertEquals(expected, actual);
    assertEquals("1", actual.get("ENFORCE_IAM"));
  }

  @Test
  void theHealthCheckAsksLocalStacksHealthEndpoint() throws Exception {
    JsonNode test = localstack().path("healthcheck").path("test");
    assertTrue(test.isArray(), test.toString());
    assertEquals("CMD", test.get(0).asText());
    assertTrue(
        test.toString().contains("http://localhost:4566/_localstack/health"), test.toString());
    assertTrue(localstack().path("healthcheck").path("retries").asInt() > 0);
  }

  @Test
  void dockerComposeConfigAcceptsIt() throws Exception {
    List<String> command = composeCommand();
    Assumptions.assumeTrue(
        command != null,
        "no docker compose plugin and no docker-compose on PATH: the YAML structure tests above"
            + " stand in for 'docker compose config'");
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of("-f", FILE.toString(), "config", "--quiet"));
    Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker compose config did not finish");
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.exitValue(), output);
  }

  /** {@code docker compose} when the plugin answers, else {@code docker-compose}, else null. */
  private static List<String> composeCommand() throws Exception {
    if (onPath("docker") && exitsZero(List.of("docker", "compose", "version"))) {
      return List.of("docker", "compose");
    }
    if (onPath("docker-compose") && exitsZero(List.of("docker-compose", "version"))) {
      return List.of("docker-compose");
    }
    return null;
  }

  private static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  private static boolean exitsZero(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
