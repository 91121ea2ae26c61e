package dev.iamkata.tui.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's remembered UI settings, {@code settings.json} in iam-kata's home ({@code
 * $IAM_KATA_HOME}, else {@code ~/.iam-kata}). Keys other than ours are kept as they are, and writes
 * are atomic (temp file, then rename), so a crash never leaves half a file.
 */
public final class Settings {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  public Settings(Path file) {
    this.file = file;
  }

  /** The settings file of the home {@code env} points to. */
  public static Settings fromEnvironment(Map<String, String> env) {
    String home = env.get("IAM_KATA_HOME");
    Path dir =
        home != null && !home.isBlank()
            ? Path.of(home)
            : Path.of(System.getProperty("user.home"), ".iam-kata");
    return new Settings(dir.resolve("settings.json"));
  }

  public Path file() {
    return file;
  }

  /** The remembered language, if any (an unreadable file counts as none). */
  public Optional<Language> language() {
    return Language.parse(read().path("lang").asText(null));
  }

  /** Remembers {@code language}. */
  public void setLanguage(Language language) throws IOException {
    ObjectNode node = read();
    node.put("lang", language.code);
    write(node);
  }

  private ObjectNode read() {
    if (!Files.isRegularFile(file)) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(file.toFile());
      return n instanceof ObjectNode o ? o : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private void write(ObjectNode node) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".tmp");
    try {
      Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
