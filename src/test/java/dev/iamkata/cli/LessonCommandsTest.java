package dev.iamkata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.lesson.check.WorkspaceFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kata lint} and {@code kata lessons}, run in-process. */
class LessonCommandsTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run kata(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.commandLine().execute(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void lintIsCleanOnTheShippedLessons() {
    Run r = kata("lint", "lessons");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("", r.out());
  }

  @Test
  void lintNamesAnUnknownKeyWithItsLineAndColumn() throws Exception {
    Path copy = dir.resolve("assume-role-basics");
    WorkspaceFiles.copyTree(Path.of("lessons/assume-role-basics"), copy);
    List<String> lines = new ArrayList<>(Files.readAllLines(copy.resolve("lesson.yaml")));
    lines.add(1, "titel: typo");
    Files.write(copy.resolve("lesson.yaml"), lines);
    Run r = kata("lint", copy.toString());
    assertEquals(1, r.code());
    assertTrue(
        r.out()
            .startsWith(
                copy.resolve("lesson.yaml").toAbsolutePath()
                    + ":2:1: unknown key \"titel\" in lesson; did you mean \"title\"?"),
        r.out());
    assertFalse(r.out().contains("Exception") || r.err().contains("Exception"));
  }

  @Test
  void lintOfAMissingPathIsBadUsage() {
    assertEquals(2, kata("lint", dir.resolve("nope").toString()).code());
    assertEquals(2, kata("lint", "--nope").code());
  }

  @Test
  void lessonsJsonListsIdTitleLevelStepsAndProgress() throws Exception {
    Run r = kata("lessons", "--json", "--lang", "ja");
    assertEquals(0, r.code(), r.err());
    JsonNode list = new ObjectMapper().readTree(r.out());
    JsonNode first = null;
    for (JsonNode n : list) {
      if (n.get("id").asText().equals("assume-role-basics")) {
        first = n;
      }
    }
    assertEquals("AssumeRole の疑問を一つずつ解決する", first.get("title").asText());
    assertEquals(1, first.get("level").asInt());
    assertEquals(10, first.get("steps").asInt());
    assertTrue(first.get("progress").has("status"));
    assertEquals(2, kata("lessons", "--lang", "fr").code());
  }
}
