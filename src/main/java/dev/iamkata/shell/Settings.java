package dev.iamkata.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code $IAM_KATA_HOME/settings.json}: a flat JSON object of the learner's settings ({@code
 * "aws.mode": "builtin"}). Written atomically; a missing or unreadable file reads as no settings.
 */
public final class Settings {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  public Settings(Path file) {
    this.file = file;
  }

  /** {@code settings.json} under the kata home. */
  public static Settings in(Path kataHome) {
    return new Settings(kataHome.resolve("settings.json"));
  }

  /** A setting's value, or null. */
  public String get(String key) {
    ObjectNode node = load();
    return node.hasNonNull(key) ? node.get(key).asText() : null;
  }

  /** Sets a value and writes the file. */
  public void set(String key, String value) throws IOException {
    ObjectNode node = load();
    node.put(key, value);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), node);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private ObjectNode load() {
    try {
      if (Files.exists(file) && JSON.readTree(file.toFile()) instanceof ObjectNode o) {
        return o;
      }
    } catch (IOException e) {
      // an unreadable settings file means defaults, as a missing one does
    }
    return JSON.createObjectNode();
  }
}
