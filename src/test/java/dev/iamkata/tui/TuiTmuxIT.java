package dev.iamkata.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/e2e/tui-tmux.sh}: the real {@code ./kata} in a tmux pane, first run in
 * Japanese through the first step of assume-role-basics. Skipped, with the reason, without tmux.
 */
@Tag("slow")
class TuiTmuxIT {

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void firstRunInJapaneseThroughTheFirstStep() throws Exception {
    assumeTrue(onPath("tmux"), "tmux is not installed (apt-get install -y tmux)");
    Path log = Files.createTempFile("tui-tmux", ".log");
    Process p =
        new ProcessBuilder("bash", "src/test/e2e/tui-tmux.sh")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = p.waitFor(4, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(done, "timed out:\n" + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("PASS tui-tmux"), out);
  }
}
