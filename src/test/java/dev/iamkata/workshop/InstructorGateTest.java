package dev.iamkata.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.lesson.CommandResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstructorGateTest {
  @Test
  void aPauseStopsCommandsUntilResumeAndNoticesAreShown() throws Exception {
    Deque<String> queue = new ArrayDeque<>();
    List<String> ran = new ArrayList<>();
    InstructorGate gate =
        new InstructorGate(
            (line, ws) -> {
              ran.add(line);
              return new CommandResult(line, 0, "ok\n", "", Duration.ZERO, List.of());
            },
            queue::poll);
    assertEquals(0, gate.run("echo 1", null).exitCode());
    queue.add("pause");
    CommandResult refused = gate.run("echo 2", null);
    assertEquals(1, refused.exitCode());
    assertTrue(refused.stderr().contains("paused"), refused.stderr());
    queue.add("resume");
    queue.add("step:3");
    CommandResult after = gate.run("echo 3", null);
    assertEquals(0, after.exitCode());
    assertTrue(after.stderr().contains("go to step 3"), after.stderr());
    assertEquals(List.of("echo 1", "echo 3"), ran);
  }
}
