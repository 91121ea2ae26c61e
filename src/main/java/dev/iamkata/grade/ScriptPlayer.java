package dev.iamkata.grade;

import dev.iamkata.lesson.check.CheckResult;
import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Step;
import dev.iamkata.lesson.model.Text;
import dev.iamkata.lesson.run.LessonEvent;
import dev.iamkata.lesson.run.LessonException;
import dev.iamkata.lesson.run.LessonListener;
import dev.iamkata.lesson.run.LessonRunner;
import dev.iamkata.shell.ScriptLines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays one script through a started {@link LessonRunner} and turns what happened into a {@link
 * GradeReport}. Each entry is submitted as typed; the runner evaluates the current step after it
 * and moves on when the step passes. A step's final results are, when the lesson finished, the
 * runner's re-check of every step (so "done" means what it means everywhere), else the last
 * evaluation in that step (the current step is evaluated once more if no command ran in it); steps
 * the script never reached fail as "not reached".
 */
final class ScriptPlayer implements LessonListener {
  private final LessonRunner runner;
  private final GradeRequest request;
  private final Clock clock;
  private final String backendName;
  private final Instant started;
  private final Map<Integer, List<CheckResult>> last = new HashMap<>();
  private final Map<Integer, Integer> passedAt = new HashMap<>();
  private final Map<Integer, Integer> commands = new HashMap<>();
  private final Map<Integer, Instant> entered = new HashMap<>();
  private final Map<Integer, Instant> left = new HashMap<>();
  private List<LessonEvent.StepReport> recheck;
  private int line;

  ScriptPlayer(LessonRunner runner, GradeRequest request, Clock clock, String backendName) {
    this.runner = runner;
    this.request = request;
    this.clock = clock;
    this.backendName = backendName;
    this.started = clock.instant();
  }

  @Override
  public void on(LessonEvent event) {
    if (event instanceof LessonEvent.StepStarted s) {
      entered.putIfAbsent(s.index(), clock.instant());
    } else if (event instanceof LessonEvent.CommandRan c) {
      commands.merge(c.index(), 1, Integer::sum);
    } else if (event instanceof LessonEvent.ChecksEvaluated c) {
      last.put(c.index(), c.results());
    } else if (event instanceof LessonEvent.StepPassed p) {
      passedAt.put(p.index(), line);
      left.put(p.index(), clock.instant());
    } else if (event instanceof LessonEvent.LessonFinished f) {
      recheck = f.steps();
    }
  }

  GradeReport play() throws InterruptedException {
    String problem = null;
    for (ScriptLines.Entry entry : request.entries()) {
      if (runner.finished()) {
        break;
      }
      line = entry.line();
      try {
        // {{account}} and friends are filled in as in lesson solutions, so a lesson's own
        // solution lines are a passing script; a learner's script never contains them otherwise.
        runner.submit(runner.placeholders().apply(entry.text()));
      } catch (LessonException | RuntimeException e) {
        // The runner itself broke (a snapshot that failed): what was graded so far stands, the
        // current step's checks could not be judged.
        problem = e.getMessage() == null ? e.toString() : e.getMessage();
        break;
      }
    }
    int current = runner.currentIndex();
    if (!runner.finished() && problem == null && !last.containsKey(current)) {
      runner.evaluate();
    }
    Instant finished = clock.instant();
    Lesson lesson = runner.lesson();
    List<StepReport> steps = new ArrayList<>();
    for (int i = 0; i < lesson.steps().size(); i++) {
      steps.add(step(lesson.steps().get(i), i, current, problem, finished));
    }
    return new GradeReport(
        lesson.id(),
        text(lesson.title()),
        request.lang(),
        backendName,
        request.learner(),
        request.script(),
        started,
        finished,
        steps);
  }

  private StepReport step(Step step, int i, int current, String problem, Instant finished) {
    boolean reached = runner.finished() || i <= current;
    List<CheckReport> checks = new ArrayList<>();
    List<CheckResult> results = recheck != null ? recheck.get(i).recheck() : last.get(i);
    for (int c = 0; c < step.checks().size(); c++) {
      Check check = step.checks().get(c);
      if (!reached) {
        checks.add(notReached(check));
      } else if (i == current && problem != null) {
        checks.add(broken(check, problem));
      } else if (results == null || c >= results.size()) {
        checks.add(broken(check, "the check was never evaluated"));
      } else {
        checks.add(check(results.get(c)));
      }
    }
    Instant from = entered.get(i);
    Instant to = left.getOrDefault(i, finished);
    return new StepReport(
        i + 1,
        step.id(),
        text(step.title()),
        reached,
        passedAt.get(i),
        commands.getOrDefault(i, 0),
        from == null ? Duration.ZERO : Duration.between(from, to),
        checks);
  }

  private CheckReport check(CheckResult r) {
    Status status = Status.valueOf(r.status().name());
    String actual = text(r.actual());
    String message = r.explanation() != null ? text(r.explanation()) : null;
    if (message == null && status != Status.PASS && status != Status.SKIPPED) {
      message = actual;
    }
    String skipReason = null;
    if (status == Status.SKIPPED) {
      skipReason = actual != null ? actual : "the backend cannot verify this check";
      message = null;
    }
    return new CheckReport(
        r.check().spec().kind(),
        description(r.check()),
        status,
        text(r.expected()),
        actual,
        message,
        r.took() == null ? Duration.ZERO : r.took(),
        skipReason);
  }

  private CheckReport notReached(Check check) {
    return new CheckReport(
        check.spec().kind(),
        description(check),
        Status.FAIL,
        null,
        null,
        GradeMessages.get(request.lang(), GradeMessages.Key.NOT_REACHED),
        Duration.ZERO,
        null);
  }

  private CheckReport broken(Check check, String why) {
    return new CheckReport(
        check.spec().kind(),
        description(check),
        Status.ERROR,
        null,
        null,
        why,
        Duration.ZERO,
        null);
  }

  /** The check's description without its kind (reports show the kind apart). */
  private String description(Check check) {
    String d = runner.placeholders().apply(check.describe());
    String prefix = check.spec().kind() + ": ";
    return d.startsWith(prefix) ? d.substring(prefix.length()) : d;
  }

  private String text(Text t) {
    return t == null ? null : runner.placeholders().apply(t.in(request.lang()));
  }
}
