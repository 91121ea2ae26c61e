package dev.iamkata.tui.adapt;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.check.CheckResult;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Step;
import dev.iamkata.lesson.model.Text;
import dev.iamkata.lesson.progress.Progress;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.progress.StepStatus;
import dev.iamkata.lesson.run.LessonEvent;
import dev.iamkata.lesson.run.LessonException;
import dev.iamkata.lesson.run.LessonRunner;
import dev.iamkata.shell.LineGate;
import dev.iamkata.tui.i18n.Messages;
import dev.iamkata.tui.model.CheckOutcome;
import dev.iamkata.tui.model.CheckView;
import dev.iamkata.tui.model.ClockView;
import dev.iamkata.tui.model.LessonSession;
import dev.iamkata.tui.model.StepState;
import dev.iamkata.tui.model.StepStats;
import dev.iamkata.tui.model.StepView;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson being done, over the {@link LessonRunner} and its events. The runner moves to the next
 * step as soon as one passes; this view stays on the passed step (showing its green checks) until
 * the learner asks for the next one. UI thread only, like the runner.
 */
public final class RunnerSession implements LessonSession {
  private static final Pattern EXPIRATION = Pattern.compile("\"Expiration\"\\s*:\\s*\"([^\"]+)\"");

  private final LessonRunner runner;
  private final LineGate gate;
  private final Backend backend;
  private final ProgressStore progress;
  private final Messages messages;
  private final String lang;
  private final Map<Integer, List<String>> hints = new HashMap<>();
  // the backend's capabilities do not change while a lesson runs
  private final Map<Integer, List<String>> unverifiable = new HashMap<>();
  private List<CheckResult> lastResults = List.of();
  private int lastResultsStep = -1;
  private int display;
  private Instant clockBefore;
  private Instant expiration;

  public RunnerSession(
      LessonRunner runner, Backend backend, ProgressStore progress, Messages messages) {
    this(runner, backend, progress, messages, LineGate.OPEN);
  }

  /**
   * @param gate stands in front of the learner's lines (a workshop's instructor actions)
   */
  public RunnerSession(
      LessonRunner runner,
      Backend backend,
      ProgressStore progress,
      Messages messages,
      LineGate gate) {
    this.runner = runner;
    this.gate = gate;
    this.backend = backend;
    this.progress = progress;
    this.messages = messages;
    this.lang = messages.language().code;
    runner.addListener(this::on);
    this.display = Math.max(0, runner.currentIndex());
  }

  /** What the gate made of a learner line: its result, and whether the line reached the runner. */
  public record Submitted(CommandResult result, boolean ran) {}

  /**
   * Runs a learner line through the gate to the runner. When the gate moved the lesson instead (an
   * instructor's reset or push), the line did not run and the view follows to the runner's step.
   */
  public Submitted submit(String line) throws LessonException, InterruptedException {
    LessonException[] failed = {null};
    boolean[] ran = {false};
    CommandResult r =
        gate.run(
            line,
            l -> {
              ran[0] = true;
              try {
                return runner.run(l);
              } catch (LessonException e) {
                failed[0] = e;
                return new CommandResult(l, 1, "", "", Duration.ZERO, List.of());
              }
            });
    if (failed[0] != null) {
      throw failed[0];
    }
    if (!ran[0]) {
      followRunner();
    }
    return new Submitted(r, ran[0]);
  }

  /**
   * An empty line: the gate may act then (apply an instructor's action the learner was told of);
   * when it says something the view follows to the runner's step.
   *
   * @return what the gate said, or an empty string
   */
  public String idle() throws InterruptedException {
    String said = gate.idle();
    if (!said.isEmpty()) {
      followRunner();
    }
    return said;
  }

  /** Shows the runner's step: the gate moved the lesson (a reset, a jump) behind the view. */
  private void followRunner() {
    display = Math.max(0, Math.min(runner.currentIndex(), lesson().steps().size() - 1));
  }

  /** The runner behind this session (the shell submits learner commands to it). */
  public LessonRunner runner() {
    return runner;
  }

  private void on(LessonEvent e) {
    if (e instanceof LessonEvent.ChecksEvaluated c) {
      lastResults = c.results();
      lastResultsStep = c.index();
    } else if (e instanceof LessonEvent.HintRevealed h) {
      hints.computeIfAbsent(h.index(), i -> new ArrayList<>()).add(h.hint().in(lang));
    } else if (e instanceof LessonEvent.ClockAdvanced a) {
      clockBefore = a.now().minus(a.by());
    } else if (e instanceof LessonEvent.CommandRan r) {
      noteExpiration(r.result().stdout());
    } else if (e instanceof LessonEvent.StepReset r) {
      lastResults = List.of();
      hints.remove(r.index());
    }
  }

  /** Remembers the {@code Expiration} of session credentials the learner was just given. */
  private void noteExpiration(String stdout) {
    Matcher m = EXPIRATION.matcher(stdout);
    if (m.find()) {
      try {
        expiration = Instant.parse(m.group(1).replace("+00:00", "Z"));
      } catch (DateTimeParseException ignored) {
        // Not a timestamp we can place on the clock; the clock line simply omits it.
      }
    }
  }

  private String text(Text t) {
    return t == null ? "" : t.with(runner.placeholders()).in(lang);
  }

  private Lesson lesson() {
    return runner.lesson();
  }

  @Override
  public String lessonId() {
    return lesson().id();
  }

  @Override
  public String title() {
    return text(lesson().title());
  }

  @Override
  public List<StepView> steps() {
    List<StepView> out = new ArrayList<>();
    for (int i = 0; i < lesson().steps().size(); i++) {
      Step s = lesson().steps().get(i);
      out.add(
          new StepView(
              s.id(),
              text(s.title()),
              text(s.body()),
              s.hints().size(),
              state(i),
              s.clock() != null,
              unverifiable(i)));
    }
    return out;
  }

  /** The step's checks the backend cannot verify, as {@code description: reason}. */
  private List<String> unverifiable(int index) {
    return unverifiable.computeIfAbsent(
        index,
        i ->
            runner.unverifiable(i).stream()
                .map(u -> u.check().describe() + ": " + text(u.reason()))
                .toList());
  }

  private StepState state(int i) {
    return switch (runner.status(i)) {
      case PASSED -> StepState.PASSED;
      case SKIPPED -> StepState.SKIPPED;
      case IN_PROGRESS -> StepState.CURRENT;
      case NOT_STARTED -> i == display ? StepState.CURRENT : StepState.TODO;
    };
  }

  @Override
  public int current() {
    return Math.min(display, lesson().steps().size() - 1);
  }

  /** Whether the step shown is done and the runner has moved on. */
  public boolean displayedStepDone() {
    return display < runner.currentIndex();
  }

  @Override
  public List<String> revealedHints(int index) {
    return hints.getOrDefault(index, List.of());
  }

  @Override
  public boolean revealHint() {
    if (displayedStepDone() || runner.finished()) {
      return false;
    }
    try {
      return runner.hint() != null;
    } catch (LessonException e) {
      return false;
    }
  }

  @Override
  public List<CheckView> lastChecks() {
    if (lastResultsStep != current()) {
      return List.of();
    }
    return lastResults.stream().map(this::view).toList();
  }

  private CheckView view(CheckResult r) {
    CheckOutcome outcome = CheckOutcome.valueOf(r.status().name());
    if (outcome == CheckOutcome.PASS) {
      return new CheckView(r.check().describe(), outcome, "");
    }
    StringBuilder why = new StringBuilder();
    if (r.explanation() != null) {
      why.append(text(r.explanation())).append(' ');
    }
    why.append(messages.get("check.expected", text(r.expected())));
    why.append(' ').append(messages.get("check.actual", text(r.actual())));
    return new CheckView(r.check().describe(), outcome, why.toString().strip());
  }

  @Override
  public boolean next() {
    if (!displayedStepDone() || display >= lesson().steps().size() - 1) {
      return false;
    }
    display++;
    return true;
  }

  @Override
  public ClockView clock() {
    try {
      return new ClockView(backend.clockTime(), clockBefore, expiration);
    } catch (BackendException e) {
      return new ClockView(Instant.EPOCH, null, null);
    }
  }

  @Override
  public boolean finished() {
    return runner.finished();
  }

  @Override
  public List<StepStats> stats() {
    Progress.Lesson p;
    try {
      p = progress.read().lesson(lessonId());
    } catch (IOException e) {
      p = new Progress.Lesson(null, null, Map.of());
    }
    List<StepStats> out = new ArrayList<>();
    for (int i = 0; i < lesson().steps().size(); i++) {
      Step s = lesson().steps().get(i);
      Progress.Step ps = p.step(s.id());
      Duration took =
          ps.started() != null && ps.finished() != null
              ? Duration.between(ps.started(), ps.finished())
              : null;
      StepStatus status = runner.status(i);
      StepState state =
          status == StepStatus.PASSED
              ? StepState.PASSED
              : status == StepStatus.SKIPPED ? StepState.SKIPPED : StepState.TODO;
      out.add(new StepStats(text(s.title()), state, took, ps.hintsUsed(), ps.attempts()));
    }
    return out;
  }
}
