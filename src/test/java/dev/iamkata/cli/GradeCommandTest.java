package dev.iamkata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The error paths of {@code kata grade}, in-process through the real command line. */
class GradeCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run kata(String... args) {
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

  private void badInput(String expected, String... args) {
    Run r = kata(args);
    assertEquals(2, r.code(), r.err());
    assertEquals(expected + "\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void missingScript() {
    Path missing = dir.resolve("missing.sh");
    badInput(
        "kata grade: script " + missing + " does not exist",
        "grade",
        "assume-role-basics",
        "--script",
        missing.toString());
  }

  @Test
  void unknownLesson() throws Exception {
    Path s = Files.writeString(dir.resolve("s.sh"), "aws s3 ls\n");
    Run r = kata("grade", "no-such-lesson", "--script", s.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("kata grade: "), r.err());
    assertTrue(r.err().contains("no lesson \"no-such-lesson\""), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(r.err().contains("Exception"));
  }

  @Test
  void badFormatAndLanguage() throws Exception {
    Path s = Files.writeString(dir.resolve("s.sh"), "aws s3 ls\n");
    badInput(
        "kata grade: unknown format 'xml': use junit|json|tap|exercism|text",
        "grade",
        "assume-role-basics",
        "--script",
        s.toString(),
        "--format",
        "xml");
    badInput(
        "kata grade: unknown language 'de': use en|ja",
        "grade",
        "assume-role-basics",
        "--script",
        s.toString(),
        "--lang",
        "de");
  }

  @Test
  void missingLessonOrScript() {
    badInput("kata grade: missing LESSON: kata grade LESSON --script FILE", "grade");
    badInput(
        "kata grade: give the learner's script: --script FILE (or a folder of them: --all DIR)",
        "grade",
        "assume-role-basics");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run r = kata("grade", "assume-role-basics", "--scirpt", "x");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Unknown options: '--scirpt', 'x'"), r.err());
    assertTrue(r.err().contains("Possible solutions: --script"), r.err());
  }
}
