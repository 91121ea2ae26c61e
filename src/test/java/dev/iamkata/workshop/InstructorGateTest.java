package dev.iamkata.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.lesson.CommandResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstructorGateTest {
  @Test
  void aPauseStopsLinesUntilResumeAndNoticesAreShown() throws Exception {
    List<String> queue = new ArrayList<>();
    List<String> ran = new ArrayList<>();
    InstructorGate gate =
        new InstructorGate(
            null, // pause and resume never drive the runner
            () -> {
              List<String> now = List.copyOf(queue);
              queue.clear();
              return now;
            });
    InstructorGate.Line line =
        l -> {
          ran.add(l);
          return new CommandResult(l, 0, "ok\n", "", Duration.ZERO, List.of());
        };
    assertEquals(0, gate.run("echo 1", line).exitCode());
    queue.add("pause");
    CommandResult refused = gate.run("echo 2", line);
    assertEquals(1, refused.exitCode());
    assertTrue(refused.stderr().contains("paused"), refused.stderr());
    assertTrue(gate.paused());
    queue.add("resume");
    CommandResult after = gate.run("echo 3", line);
    assertEquals(0, after.exitCode());
    assertTrue(after.stderr().contains("resumed"), after.stderr());
    assertEquals(List.of("echo 1", "echo 3"), ran);
  }
}
