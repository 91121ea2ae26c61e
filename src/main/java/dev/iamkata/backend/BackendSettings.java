package dev.iamkata.backend;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The backend chosen in {@code $IAM_KATA_HOME/settings.json} ({@code ~/.iam-kata/settings.json}
 * without it): {@code {"backend": {"name": "external", "endpoint": "http://127.0.0.1:5000"}}}.
 * Other keys of the file belong to other parts of iam-kata and are left alone. Command-line flags
 * override what is here.
 *
 * @param name the backend name, or null for the default
 * @param endpoint the endpoint, or null
 * @param source where these came from, for messages ({@code settings.json} path, or "defaults")
 */
public record BackendSettings(String name, String endpoint, String source) {
  /** No settings file: the embedded backend. */
  public static final BackendSettings DEFAULTS = new BackendSettings(null, null, "defaults");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code $IAM_KATA_HOME}, else {@code ~/.iam-kata}. */
  public static Path home(Map<String, String> env) {
    String set = env.get("IAM_KATA_HOME");
    return set != null && !set.isBlank()
        ? Path.of(set)
        : Path.of(System.getProperty("user.home"), ".iam-kata");
  }

  /** The settings in {@code home/settings.json}; {@link #DEFAULTS} when there is no such file. */
  public static BackendSettings load(Path home) throws BackendUsageException {
    Path file = home.resolve("settings.json");
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException absent) {
      return DEFAULTS;
    } catch (IOException e) {
      throw new BackendUsageException(file + ": cannot be read: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Parses a settings file's text; {@code source} names it in messages. */
  public static BackendSettings parse(String text, String source) throws BackendUsageException {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new BackendUsageException(
          source
              + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
              + ": not valid JSON: "
              + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new BackendSettings(null, null, source);
    }
    if (!root.isObject()) {
      throw new BackendUsageException(source + ": expected a JSON object");
    }
    JsonNode backend = root.path("backend");
    if (backend.isMissingNode() || backend.isNull()) {
      return new BackendSettings(null, null, source);
    }
    if (!backend.isObject()) {
      throw new BackendUsageException(
          source + ": \"backend\" must be an object like {\"name\": \"embedded\"}");
    }
    for (var names = backend.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!key.equals("name") && !key.equals("endpoint")) {
        throw new BackendUsageException(
            source + ": unknown key \"backend." + key + "\" (expected name, endpoint)");
      }
    }
    return new BackendSettings(
        text(backend, "name", source), text(backend, "endpoint", source), source);
  }

  private static String text(JsonNode node, String key, String source)
      throws BackendUsageException {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BackendUsageException(source + ": \"backend." + key + "\" must be a string");
    }
    return value.asText();
  }
}
