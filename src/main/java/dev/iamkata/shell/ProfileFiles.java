package dev.iamkata.shell;

import dev.iamkata.lesson.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the learner's sandboxed {@code ~/.aws/config} and {@code ~/.aws/credentials} as the aws CLI
 * does ({@code [default]}, {@code [profile NAME]} in config, {@code [NAME]} in credentials; {@code
 * key = value}; {@code #} and {@code ;} comments). Read-only: the shell needs profile names,
 * regions, {@code role_arn} and key ids for completion, the status line and AwsCall records.
 */
public final class ProfileFiles {
  private final Map<String, Map<String, String>> config;
  private final Map<String, Map<String, String>> credentials;

  private ProfileFiles(
      Map<String, Map<String, String>> config, Map<String, Map<String, String>> credentials) {
    this.config = config;
    this.credentials = credentials;
  }

  /** The files as they are now in {@code workspace}; missing files read as empty. */
  public static ProfileFiles read(Workspace workspace) {
    return new ProfileFiles(
        parse(workspace.awsConfigFile(), true), parse(workspace.awsCredentialsFile(), false));
  }

  /** Every profile named in either file, sorted. */
  public TreeSet<String> names() {
    TreeSet<String> names = new TreeSet<>(config.keySet());
    names.addAll(credentials.keySet());
    return names;
  }

  /** A setting of a profile: credentials file first for keys, config file otherwise; or null. */
  public String get(String profile, String key) {
    Map<String, String> c = credentials.getOrDefault(profile, Map.of());
    if (c.containsKey(key)) {
      return c.get(key);
    }
    return config.getOrDefault(profile, Map.of()).get(key);
  }

  static Map<String, Map<String, String>> parse(Path file, boolean isConfig) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return sections;
    }
    Map<String, String> current = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        String name = line.substring(1, line.length() - 1).strip();
        if (isConfig && name.startsWith("profile ")) {
          name = name.substring("profile ".length()).strip();
        } else if (isConfig && !name.equals("default")) {
          current = null; // [sso-session x], [services x]: not profiles
          continue;
        }
        current = sections.computeIfAbsent(name, n -> new LinkedHashMap<>());
      } else if (current != null && line.contains("=")) {
        int eq = line.indexOf('=');
        current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return sections;
  }
}
