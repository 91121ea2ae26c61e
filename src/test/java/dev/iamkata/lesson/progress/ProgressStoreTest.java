package dev.iamkata.lesson.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
  @TempDir Path dir;

  @Test
  void roundTripsProgressWithTimestampsAttemptsAndHints() throws Exception {
    ProgressStore store = ProgressStore.at(dir);
    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    store.update(
        p ->
            p.with(
                "l",
                p.lesson("l")
                    .started(t)
                    .with("s", new Progress.Step(StepStatus.SKIPPED, t, t, 3, 2))));
    Progress back = ProgressStore.at(dir).read();
    assertEquals(new Progress.Step(StepStatus.SKIPPED, t, t, 3, 2), back.lesson("l").step("s"));
    assertEquals(t, back.lesson("l").started());
    String json = Files.readString(dir.resolve("progress.json"));
    assertTrue(json.contains("\"skipped\"") && json.contains("2026-01-02T03:04:05Z"), json);
  }

  @Test
  void noProgressYetIsEmpty() throws Exception {
    assertTrue(ProgressStore.at(dir).read().lessons().isEmpty());
  }

  @Test
  void aCorruptFileIsReportedNotIgnored() throws Exception {
    Files.writeString(dir.resolve("progress.json"), "{\"lessons\": {");
    Exception e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.IOException.class, () -> ProgressStore.at(dir).read());
    assertTrue(e.getMessage().contains("progress.json"), e.getMessage());
  }

  /**
   * A child JVM writes progress in a tight loop and is killed with SIGKILL mid-stream, several
   * times: every time the file left behind parses and holds at least what the child had reported
   * written,.
   */
  @Test
  void aKilledWriterNeverCorruptsEarlierProgress() throws Exception {
    Path file = dir.resolve("progress.json");
    for (int round = 0; round < 3; round++) {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  ProgressWriterLoop.class.getName(),
                  file.toString())
              .redirectErrorStream(true)
              .start();
      int reported = 0;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          assertTrue(line.startsWith("wrote "), line);
          reported = Integer.parseInt(line.substring(6));
          if (reported >= 5 + round * 3) {
            break;
          }
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(20, TimeUnit.SECONDS));
      }
      assertTrue(reported > 0, "the child wrote nothing");
      Progress p = new ProgressStore(file).read();
      Progress.Lesson big = p.lesson("big");
      int last = reported;
      assertTrue(
          big.steps().containsKey("step-" + last + "-199"),
          "progress the child reported written (" + last + ") survived the kill");
    }
  }
}
