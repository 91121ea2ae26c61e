package dev.iamkata.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendSettingsTest {
  @TempDir Path home;

  @Test
  void noFileMeansDefaults() throws Exception {
    assertEquals(BackendSettings.DEFAULTS, BackendSettings.load(home));
  }

  @Test
  void readsTheBackendAndLeavesOtherKeysAlone() throws Exception {
    Files.writeString(
        home.resolve("settings.json"),
        "{\"lang\": \"ja\", \"backend\": {\"name\": \"external\","
            + " \"endpoint\": \"http://127.0.0.1:5000\"}}");
    BackendSettings s = BackendSettings.load(home);
    assertEquals("external", s.name());
    assertEquals("http://127.0.0.1:5000", s.endpoint());
    assertEquals(home.resolve("settings.json").toString(), s.source());
  }

  @Test
  void badFilesSayWhereAndWhat() throws IOException {
    Files.writeString(home.resolve("settings.json"), "{\n  \"backend\": {\"name\": }\n}");
    BackendUsageException e =
        assertThrows(BackendUsageException.class, () -> BackendSettings.load(home));
    assertTrue(
        e.getMessage()
            .startsWith(
                home.resolve("settings.json")
                    + ":2:23: not valid JSON: Unexpected character ('}' (code 125))"),
        e.getMessage());
    assertEquals(
        "s.json: unknown key \"backend.endpont\" (expected name, endpoint)",
        assertThrows(
                BackendUsageException.class,
                () -> BackendSettings.parse("{\"backend\": {\"endpont\": \"x\"}}", "s.json"))
            .getMessage());
    assertEquals(
        "s.json: \"backend.name\" must be a string",
        assertThrows(
                BackendUsageException.class,
                () -> BackendSettings.parse("{\"backend\": {\"name\": 1}}", "s.json"))
            .getMessage());
  }

  @Test
  void homeIsIamKataHomeElseDotIamKata() {
    assertEquals(Path.of("/tmp/k"), BackendSettings.home(Map.of("IAM_KATA_HOME", "/tmp/k")));
    assertEquals(
        Path.of(System.getProperty("user.home"), ".iam-kata"), BackendSettings.home(Map.of()));
  }
}
