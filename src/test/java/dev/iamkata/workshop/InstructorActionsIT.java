package dev.iamkata.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.progress.StepStatus;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructor's dashboard buttons as learners' clients (in this JVM, over real HTTP) apply them:
 * a reset takes the learner's local lesson back to step 1, a push brings the class to a step, a
 * pause holds a learner's lines until resumed.
 */
class InstructorActionsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;
  private Workshop w;
  private WorkshopHttp http;
  private String server;
  private Lesson lesson;

  @BeforeEach
  void serve() throws Exception {
    lesson = LessonLoader.load(Path.of("src/test/resources/grade/lessons/two-steps"));
    w =
        Workshop.open(
            dir.resolve("room.db"),
            "room",
            0,
            InetAddress.getLoopbackAddress(),
            Set.of(),
            Clock.systemUTC());
    http = WorkshopHttp.start(w, InetAddress.getLoopbackAddress(), 0, Clock.systemUTC());
    server = "127.0.0.1:" + http.port();
  }

  @AfterEach
  void stop() {
    http.close();
    w.close();
  }

  @Test
  void resetTakesTheLearnersLessonBackToStepOneBeforeTheirNextLine() throws Exception {
    try (InJvmLearner alice = new InJvmLearner(server, w.joinCode(), "alice", lesson, dir)) {
      alice.line("aws sts get-caller-identity");
      assertEquals(1, alice.runner.currentIndex(), "step 1 passed");
      instructor("/api/learners/" + alice.joined.learner() + "/reset");

      CommandResult r = alice.line("aws s3 ls --profile dev-user");
      assertEquals(1, r.exitCode());
      assertTrue(r.stderr().contains("started the lesson again from step 1"), r.stderr());
      assertTrue(r.stderr().contains("not run"), r.stderr());
      assertTrue(r.stdout().contains("== step 1/3"), r.stdout());
      assertEquals(0, alice.runner.currentIndex());
      assertEquals(StepStatus.IN_PROGRESS, alice.runner.status(0));
      assertEquals(1, row("alice").path("step").asInt(), "the dashboard sees step 1 again");
      // the lesson goes on from there
      alice.credentials();
      alice.line("aws sts get-caller-identity");
      assertEquals(1, alice.runner.currentIndex());
    }
  }

  @Test
  void pushingTheClassToAStepMovesEveryLearnerThereAndBack() throws Exception {
    try (InJvmLearner alice = new InJvmLearner(server, w.joinCode(), "alice", lesson, dir);
        InJvmLearner bob = new InJvmLearner(server, w.joinCode(), "bob", lesson, dir)) {
      alice.line("aws sts get-caller-identity");
      instructor("/api/class/step?step=3");

      for (InJvmLearner l : new InJvmLearner[] {alice, bob}) {
        CommandResult r = l.line("aws sts get-caller-identity");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("moved the class to step 3"), r.stderr());
        assertEquals(2, l.runner.currentIndex());
        assertEquals(StepStatus.SKIPPED, l.runner.status(1));
      }
      assertEquals(StepStatus.PASSED, alice.runner.status(0), "what alice did stays passed");
      assertEquals(StepStatus.SKIPPED, bob.runner.status(0));
      assertEquals(3, row("alice").path("step").asInt());
      assertEquals(3, row("bob").path("step").asInt());

      // back to step 1 for one learner: the lesson starts again
      instructor("/api/learners/" + bob.joined.learner() + "/step?step=1");
      assertEquals(1, bob.line("true").exitCode());
      assertEquals(0, bob.runner.currentIndex());
      assertEquals(1, row("bob").path("step").asInt());
      // a push to where the learner already is changes nothing, and the line runs
      instructor("/api/learners/" + alice.joined.learner() + "/step?step=3");
      assertEquals(0, alice.line("true").exitCode());
      assertEquals(2, alice.runner.currentIndex());
    }
  }

  @Test
  void aPausedLearnersLinesWaitForResume() throws Exception {
    try (InJvmLearner alice = new InJvmLearner(server, w.joinCode(), "alice", lesson, dir)) {
      instructor("/api/learners/" + alice.joined.learner() + "/pause");
      CommandResult held = alice.line("aws sts get-caller-identity");
      assertEquals(1, held.exitCode());
      assertTrue(held.stderr().contains("paused"), held.stderr());
      assertEquals(0, alice.runner.currentIndex(), "the line did not run");
      assertTrue(row("alice").path("paused").asBoolean());
      instructor("/api/learners/" + alice.joined.learner() + "/resume");
      CommandResult ran = alice.line("aws sts get-caller-identity");
      assertEquals(0, ran.exitCode(), ran.toString());
      assertEquals(1, alice.runner.currentIndex());
    }
  }

  @Test
  void anIdleLearnerIsToldAtOnceAndEnterTakesThemThere() throws Exception {
    try (InJvmLearner alice = new InJvmLearner(server, w.joinCode(), "alice", lesson, dir)) {
      BlockingQueue<String> said = new LinkedBlockingQueue<>();
      try (AutoCloseable watching = alice.reporter.watch(said::add)) {
        // the watcher's poll is held by the server until the push arrives
        waitForWaiters(1);
        instructor("/api/class/step?step=3");
        String told = said.poll(10, TimeUnit.SECONDS);
        assertTrue(told != null && told.contains("moved the class to step 3"), "told: " + told);
        assertEquals(0, alice.runner.currentIndex(), "applied only when the learner is at it");
        String shown = alice.enter();
        assertTrue(shown.contains("moved the class to step 3"), shown);
        assertTrue(shown.contains("== step 3/3"), shown);
        assertEquals(2, alice.runner.currentIndex());
        // the next line is the learner's own, for the step they now see: it runs
        assertEquals(0, alice.line("true").exitCode());

        waitForWaiters(1);
        instructor("/api/learners/" + alice.joined.learner() + "/pause");
        told = said.poll(10, TimeUnit.SECONDS);
        assertTrue(told != null && told.contains("paused"), "told: " + told);
        assertTrue(alice.enter().contains("wait a moment"));
        assertTrue(alice.enter().contains("wait a moment"), "still paused");
        assertEquals(1, alice.line("true").exitCode(), "lines wait too");
      }
    }
  }

  @Test
  void aHeldPollEndsAfterItsWaitWithNothing() throws Exception {
    try (InJvmLearner alice = new InJvmLearner(server, w.joinCode(), "alice", lesson, dir)) {
      long t0 = System.nanoTime();
      assertEquals(java.util.List.of(), alice.client.actions(java.time.Duration.ofSeconds(1)));
      assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(900), "held");
    }
  }

  /** Until {@code n} clients' polls are held (the server's count of waiters). */
  private void waitForWaiters(int n) throws InterruptedException {
    for (int i = 0; i < 200 && http.waiting() < n; i++) {
      Thread.sleep(25);
    }
    assertEquals(n, http.waiting(), "polls held");
  }

  private void instructor(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://" + server + path))
                .header("Authorization", "Bearer " + w.instructorToken())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }

  private JsonNode row(String name) {
    return w.progress().stream()
        .filter(r -> r.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
