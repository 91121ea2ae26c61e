package dev.iamkata.shell.aws.creds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared config and credentials files as botocore reads them: INI sections, {@code [profile
 * NAME]} and {@code [default]} in the config file, {@code [NAME]} in the credentials file, whose
 * values win when a profile is in both. Keys are lower case; indented sub-sections are skipped.
 *
 * @param configFile the config file's path
 * @param credentialsFile the credentials file's path
 * @param profiles every profile's settings, merged
 */
public record ConfigFiles(
    Path configFile, Path credentialsFile, Map<String, Map<String, String>> profiles) {

  /** The files the learner's environment names ({@code AWS_CONFIG_FILE}, HOME, ...). */
  public static Path configPath(Map<String, String> env) {
    return path(env, "AWS_CONFIG_FILE", "config");
  }

  /** The credentials file the learner's environment names. */
  public static Path credentialsPath(Map<String, String> env) {
    return path(env, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
  }

  /** Reads both files; missing files are empty. */
  public static ConfigFiles load(Map<String, String> env) {
    Path config = configPath(env);
    Path credentials = credentialsPath(env);
    Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> e : parse(config).entrySet()) {
      String section = e.getKey();
      String name = null;
      if (section.equals("default")) {
        name = "default";
      } else if (section.startsWith("profile ") || section.startsWith("profile\t")) {
        name = section.substring(8).strip();
      }
      if (name != null) {
        profiles.computeIfAbsent(name, k -> new LinkedHashMap<>()).putAll(e.getValue());
      }
    }
    for (Map.Entry<String, Map<String, String>> e : parse(credentials).entrySet()) {
      profiles.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).putAll(e.getValue());
    }
    return new ConfigFiles(config, credentials, profiles);
  }

  /** One profile's settings, or null when there is no such profile. */
  public Map<String, String> profile(String name) {
    return profiles.get(name);
  }

  static Path path(Map<String, String> env, String variable, String file) {
    String explicit = env.get(variable);
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    if (explicit != null && !explicit.isEmpty()) {
      return Path.of(expand(explicit, home));
    }
    return Path.of(home, ".aws", file);
  }

  static String expand(String path, String home) {
    return path.equals("~") || path.startsWith("~/") ? home + path.substring(1) : path;
  }

  /** The sections of an INI file, as Python's configparser reads them. */
  public static Map<String, Map<String, String>> parse(Path file) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return out;
    }
    Map<String, String> section = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (Character.isWhitespace(raw.charAt(0)) && section != null) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section =
            out.computeIfAbsent(
                line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
        continue;
      }
      int eq = indexOfDelimiter(line);
      if (section != null && eq > 0) {
        section.put(line.substring(0, eq).strip().toLowerCase(), line.substring(eq + 1).strip());
      }
    }
    return out;
  }

  private static int indexOfDelimiter(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }
}
