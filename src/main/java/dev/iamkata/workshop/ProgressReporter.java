package dev.iamkata.workshop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.lesson.check.CheckResult;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Step;
import dev.iamkata.lesson.model.Text;
import dev.iamkata.lesson.run.LessonEvent;
import dev.iamkata.lesson.run.LessonListener;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reports a lesson runner's events to the workshop server as they happen, in order, on the runner's
 * thread (an event is small and the server is on the room's network). The instructor's actions the
 * server answers with are kept for the learner's session to apply between commands. A server that
 * cannot be reached is reported once on {@code err}; the lesson goes on locally.
 */
public final class ProgressReporter implements LessonListener {
  private final WorkshopClient client;
  private final PrintStream err;

  /** How long one idle poll is held by the server. */
  static final Duration WATCH_WAIT = Duration.ofSeconds(25);

  private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

  private final ConcurrentLinkedQueue<String> actions = new ConcurrentLinkedQueue<>();
  private Lesson lesson;
  private boolean warned;
  private volatile boolean muted;
  private volatile boolean reachable = true;

  public ProgressReporter(WorkshopClient client, PrintStream err) {
    this.client = client;
    this.err = err;
  }

  /**
   * Every instructor action waiting now ({@code reset}, {@code pause}, {@code resume}, {@code
   * step:N}), oldest first: those that came with event answers, then those the server still holds.
   */
  public List<String> takeActions() {
    if (reachable) {
      try {
        actions.addAll(client.actions());
      } catch (IOException | WorkshopException ex) {
        // no asking again before a line until an event gets through: an unreachable server
        // must not cost the learner a connect timeout per line
        reachable = false;
        warn(ex);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
    List<String> out = new ArrayList<>();
    for (String a = actions.poll(); a != null; a = actions.poll()) {
      out.add(a);
    }
    return out;
  }

  /**
   * Listens for the instructor's actions while the learner is idle: a daemon thread long-polls the
   * server, keeps what comes for {@link #takeActions} (the session's gate applies it at the next
   * line, or when the learner presses Enter) and tells the learner at once through {@code say}.
   *
   * @return stops the listening
   */
  public AutoCloseable watch(Consumer<String> say) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  listen(say);
                }
              } catch (InterruptedException e) {
                // stopped
              }
            },
            "workshop-watch");
    t.setDaemon(true);
    t.start();
    return t::interrupt;
  }

  private void listen(Consumer<String> say) throws InterruptedException {
    // monotonic time, only to tell a held poll from one answered at once
    long t0 = System.nanoTime();
    try {
      List<String> got = client.actions(WATCH_WAIT);
      if (!got.isEmpty()) {
        actions.addAll(got);
        say.accept(InstructorGate.announce(got));
        return;
      }
    } catch (IOException | WorkshopException e) {
      // the server is away or restarting: the lines' own asking reports it; ask again later
      Thread.sleep(RETRY_PAUSE.toMillis());
      return;
    }
    if (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1)) {
      Thread.sleep(RETRY_PAUSE.toMillis()); // the server holds enough polls already
    }
  }

  /**
   * Stops or starts sending events: a resumed client replays the steps the server already has, and
   * must not report that replay as new progress.
   */
  public void mute(boolean muted) {
    this.muted = muted;
  }

  @Override
  public void on(LessonEvent event) {
    ObjectNode e = muted ? null : toJson(event);
    if (e == null) {
      if (event instanceof LessonEvent.LessonStarted s) {
        lesson = s.lesson();
      }
      return;
    }
    try {
      List<String> got = client.event(e);
      actions.addAll(got);
      reachable = true;
    } catch (IOException | WorkshopException ex) {
      warn(ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }

  private void warn(Exception ex) {
    if (!warned) {
      err.println("kata join: could not reach the workshop: " + ex.getMessage());
      warned = true;
    }
  }

  ObjectNode toJson(LessonEvent event) {
    ObjectNode e = WorkshopStore.JSON.createObjectNode();
    if (event instanceof LessonEvent.LessonStarted s) {
      lesson = s.lesson();
      e.put("type", "started");
    } else if (event instanceof LessonEvent.StepStarted s) {
      e.put("type", "step");
      step(e, s.index(), s.step());
    } else if (event instanceof LessonEvent.CommandRan c) {
      e.put("type", "command");
      e.put("exitCode", c.result().exitCode());
      String stderr = c.result().stderr() == null ? "" : c.result().stderr().strip();
      e.put("error", stderr.isEmpty() ? null : stderr.lines().findFirst().orElse(null));
    } else if (event instanceof LessonEvent.ChecksEvaluated c) {
      e.put("type", "checks");
      if (lesson != null && c.index() < lesson.steps().size()) {
        step(e, c.index(), lesson.steps().get(c.index()));
      }
      ArrayNode checks = e.putArray("checks");
      for (CheckResult r : c.results()) {
        ObjectNode o = checks.addObject();
        o.put("kind", r.check().spec().kind());
        o.put("description", r.check().describe());
        o.put("status", r.status().name());
        o.put("expected", en(r.expected()));
        o.put("actual", en(r.actual()));
        o.put("message", r.explanation() != null ? en(r.explanation()) : en(r.actual()));
        o.put("millis", r.took() == null ? 0 : r.took().toMillis());
      }
    } else if (event instanceof LessonEvent.HintRevealed) {
      e.put("type", "hint");
    } else if (event instanceof LessonEvent.StepPassed p) {
      e.put("type", "passed");
      step(e, p.index(), p.step());
      e.put("skipped", p.skipped());
    } else if (event instanceof LessonEvent.LessonFinished) {
      e.put("type", "finished");
    } else {
      return null;
    }
    if (lesson != null) {
      e.put("lesson", lesson.id());
      e.put("steps", lesson.steps().size());
    }
    return e;
  }

  private static void step(ObjectNode e, int index, Step step) {
    e.put("step", index + 1);
    e.put("stepId", step.id());
    e.put("stepTitle", en(step.title()));
  }

  private static String en(Text t) {
    return t == null ? null : t.in("en");
  }
}
