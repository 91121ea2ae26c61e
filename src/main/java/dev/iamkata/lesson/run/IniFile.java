package dev.iamkata.lesson.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Sets one key of one section in an aws CLI config or credentials file, keeping the rest. */
final class IniFile {
  private IniFile() {}

  static void set(Path file, String section, String key, String value) throws IOException {
    List<String> lines =
        Files.exists(file)
            ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
            : new ArrayList<>();
    String header = "[" + section + "]";
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(header)) {
        start = i;
      }
    }
    if (start < 0) {
      if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
        lines.add("");
      }
      lines.add(header);
      lines.add(key + " = " + value);
    } else {
      int end = start + 1;
      while (end < lines.size() && !lines.get(end).trim().startsWith("[")) {
        end++;
      }
      boolean done = false;
      for (int i = start + 1; i < end; i++) {
        String l = lines.get(i);
        if (l.contains("=") && l.substring(0, l.indexOf('=')).trim().equals(key)) {
          lines.set(i, key + " = " + value);
          done = true;
        }
      }
      if (!done) {
        lines.add(end, key + " = " + value);
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
