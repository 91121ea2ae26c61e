package dev.iamkata.shell.aws.configure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * awscli's {@code ConfigFileWriter}: changes keys of one section in place, adds missing keys after
 * the section's last key, appends a missing section ({@code [name]} then {@code key = value}
 * lines), and creates a missing file readable by its owner only.
 */
public final class ConfigWriter {
  private static final Pattern SECTION = Pattern.compile("^\\s*\\[(?<header>[^]]+)\\]");
  private static final Pattern OPTION =
      Pattern.compile("(?<option>[^:=\\s][^:=]*)\\s*(?<vi>[:=])\\s*(?<value>.*)$");

  private ConfigWriter() {}

  /** Sets {@code values} in section {@code section} of {@code file}. */
  public static void update(Path file, String section, Map<String, String> values) {
    try {
      if (!Files.isRegularFile(file)) {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        Files.createFile(file);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the file stays as created
        }
        appendSection(file, section, values);
        return;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("(?<=\n)")));
      if (text.isEmpty()) {
        lines.clear();
      }
      int start = findSection(lines, section);
      if (start < 0) {
        appendSection(file, section, values);
        return;
      }
      Files.writeString(
          file, String.join("", updateSection(lines, start, values)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> updateSection(
      List<String> lines, int start, Map<String, String> values) {
    Map<String, String> pending = new LinkedHashMap<>(values);
    int last = start;
    for (int j = start + 1; j < lines.size(); j++) {
      String line = lines.get(j);
      if (SECTION.matcher(line).find()) {
        lines.add(last + 1, render(pending));
        return lines;
      }
      Matcher m = OPTION.matcher(line);
      if (m.find()) {
        last = j;
        String key = m.group("option").strip();
        if (pending.containsKey(key)) {
          lines.set(j, key + " = " + pending.remove(key) + "\n");
        }
      }
    }
    if (!pending.isEmpty()) {
      if (!lines.isEmpty() && !lines.get(lines.size() - 1).endsWith("\n")) {
        lines.add("\n");
      }
      lines.add(Math.min(last + 1, lines.size()), render(pending));
    }
    return lines;
  }

  private static int findSection(List<String> lines, String section) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = SECTION.matcher(lines.get(i));
      if (m.find() && m.group("header").strip().equals(section)) {
        return i;
      }
    }
    return -1;
  }

  private static void appendSection(Path file, String section, Map<String, String> values)
      throws IOException {
    String existing = Files.readString(file, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(existing);
    if (!existing.isEmpty() && !existing.endsWith("\n")) {
      out.append('\n');
    }
    out.append('[').append(section).append("]\n").append(render(values));
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
  }

  private static String render(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    values.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
    return out.toString();
  }
}
