package dev.iamkata.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.model.Lesson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructor's dashboard in headless Chromium (Node with playwright-core, {@code
 * src/test/dashboard}): three learners' clients in this JVM join, the page lists them, one passes a
 * step and the page shows it live, the heat map counts everyone, the export links answer. The page
 * is saved to {@code target/workshop-dashboard.png}, and to {@code docs/img/workshop-dashboard.png}
 * when {@code KATA_UPDATE_SCREENSHOTS=1}. Skips, saying why, without Node, {@code npm ci} in {@code
 * src/test/dashboard} or Chromium.
 */
@Tag("slow")
class DashboardBrowserIT {
  private static final Path NODE_PROJECT = Path.of("src/test/dashboard");
  @TempDir Path dir;

  @Test
  void theDashboardShowsLearnersLiveWithHeatMapAndExports() throws Exception {
    String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    assumeTrue(works("node", "--version"), "node is not on PATH: skipping the browser test");
    assumeTrue(
        Files.isDirectory(NODE_PROJECT.resolve("node_modules/playwright-core")),
        "no playwright-core: run `npm ci --prefix src/test/dashboard` for the browser test");
    assumeTrue(
        Files.isExecutable(Path.of(chromium)),
        "no Chromium at " + chromium + " (apt-get install chromium, or set CHROMIUM)");

    Lesson lesson = LessonLoader.load(Path.of("src/test/resources/grade/lessons/two-steps"));
    Workshop w =
        Workshop.open(
            dir.resolve("room.db"),
            "room",
            0,
            InetAddress.getLoopbackAddress(),
            Set.of(),
            Clock.systemUTC());
    Path shot = Path.of("target/workshop-dashboard.png").toAbsolutePath();
    try (WorkshopHttp http =
            WorkshopHttp.start(w, InetAddress.getLoopbackAddress(), 0, Clock.systemUTC());
        InJvmLearner alice =
            new InJvmLearner("127.0.0.1:" + http.port(), w.joinCode(), "alice", lesson, dir);
        InJvmLearner bob =
            new InJvmLearner("127.0.0.1:" + http.port(), w.joinCode(), "bob", lesson, dir);
        InJvmLearner carol =
            new InJvmLearner("127.0.0.1:" + http.port(), w.joinCode(), "carol", lesson, dir)) {
      alice.line("aws sts get-caller-identity");
      alice.line("aws s3 ls --profile nobody"); // a failing check: the "last error" column
      String url = "http://127.0.0.1:" + http.port() + "/?token=" + w.instructorToken();
      Process node =
          new ProcessBuilder(
                  "node", "dashboard.mjs", url, shot.toString(), "alice,bob,carol", "bob")
              .directory(NODE_PROJECT.toFile())
              .redirectErrorStream(true)
              .start();
      List<String> said = new ArrayList<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          said.add(line);
          if (line.startsWith("READY")) {
            bob.line("aws sts get-caller-identity"); // bob passes step 1 while the page watches
          }
        }
      } finally {
        node.destroy();
      }
      assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not end");
      assertEquals(0, node.exitValue(), String.join("\n", said));
      assertTrue(said.contains("READY 1/3 who-am-i"), String.join("\n", said));
      assertTrue(said.contains("HEAT [\"step 1: 1\",\"step 2: 2\"]"), String.join("\n", said));
      assertTrue(said.contains("OK"), String.join("\n", said));
      assertEquals(0, carol.runner.currentIndex(), "carol stayed on step 1");
    } finally {
      w.close();
    }
    assertTrue(Files.size(shot) > 10_000, "a screenshot of the page");
    if ("1".equals(System.getenv("KATA_UPDATE_SCREENSHOTS"))) {
      Path docs = Path.of("docs/img/workshop-dashboard.png");
      Files.createDirectories(docs.getParent());
      Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
