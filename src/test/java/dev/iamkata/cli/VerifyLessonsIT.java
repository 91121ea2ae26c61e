package dev.iamkata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamkata.shell.SystemAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code kata verify} over every lesson in {@code lessons/}: a lesson whose steps are not red
 * before and green after their solutions fails the build.
 */
@Tag("slow")
class VerifyLessonsIT {

  @Test
  void everyLessonVerifiesRedGreen() {
    assumeTrue(SystemAws.onPath() != null, "no aws CLI on PATH: lesson commands cannot run");
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = Main.commandLine().execute("verify");
    } finally {
      System.setOut(saved);
    }
    String table = out.toString(StandardCharsets.UTF_8);
    saved.print(table);
    assertEquals(0, code, table);
    assertTrue(table.contains("OK    assume-role-basics"), table);
    assertTrue(table.contains("all lessons verify"), table);
  }
}
