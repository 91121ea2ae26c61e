package dev.iamkata.lesson.run;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.Capability;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.check.CheckContext;
import dev.iamkata.lesson.check.CheckEvaluator;
import dev.iamkata.lesson.check.CheckResult;
import dev.iamkata.lesson.check.Unverifiable;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Placeholders;
import dev.iamkata.lesson.model.Step;
import dev.iamkata.lesson.model.Text;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.progress.StepStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs one lesson against a backend: a small state machine with no UI. {@link #start()} resets the
 * backend, creates the sandboxed home, runs setup as the admin and enters the first step; {@link
 * #submit(String)} runs a learner command and advances when every check of the step passes. Views
 * (TUI, shell, grader, workshop) listen to {@link LessonEvent}s. Not thread-safe: drive it from one
 * thread.
 *
 * <p>Building the sandbox and running setup is {@link LessonSandbox}'s job; moving the lesson clock
 * (or waiting in real time) is {@link LessonClock}'s.
 */
public final class LessonRunner implements AutoCloseable {
  private final Lesson lesson;
  private final Backend backend;
  private final CommandRunner commands;
  private final LessonSandbox sandbox;
  private final ProgressRecorder progress;
  private final CheckEvaluator evaluator;
  private final Placeholders placeholders;
  private final List<LessonListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<Integer, List<CommandResult>> commandsByStep = new HashMap<>();
  private final Map<Integer, StepStatus> done = new HashMap<>();
  private final Map<Integer, StepSnapshot> snapshots = new HashMap<>();
  private final Map<Integer, Integer> hints = new HashMap<>();
  private Workspace workspace;
  private int current = -1;
  private boolean finished;
  private LessonClock time;

  /**
   * @param sandbox this lesson's sandbox folder, e.g. {@code $IAM_KATA_HOME/sandboxes/<lesson>}
   *     (see {@link #sandboxFor}); emptied by {@link #start()}
   * @param progress where progress is recorded, or null to record none (grading, verify)
   * @param clock for progress timestamps and check durations
   */
  public LessonRunner(
      Lesson lesson,
      Backend backend,
      CommandRunner commands,
      Path sandbox,
      ProgressStore progress,
      Clock clock) {
    this.lesson = lesson;
    this.backend = backend;
    this.commands = commands;
    this.progress = new ProgressRecorder(progress, lesson.id(), clock);
    this.evaluator = new CheckEvaluator(clock);
    this.placeholders =
        Placeholders.of(
            backend.accountId(), backend.secondAccountId(), backend.region(), backend.endpoint());
    this.sandbox = new LessonSandbox(lesson, backend, commands, placeholders, sandbox);
    this.time = new LessonClock(backend, RealWait.off(), this::emit);
  }

  /**
   * Allows (or not) real waits where the backend honours expiry but its clock cannot be moved; off
   * unless set. Set it before {@link #start()}.
   */
  public LessonRunner realWait(RealWait wait) {
    this.time = new LessonClock(backend, wait, this::emit);
    return this;
  }

  /**
   * Whether this lesson runs in real time: the backend honours expiry, its clock cannot be moved,
   * and a real wait is allowed. Then {@code aws sts assume-role} asks for {@code --duration-seconds
   * 900} unless the line gives a duration, and a step's {@code wait} waits that session out for
   * real.
   */
  public boolean waitsInRealTime() {
    return time.inRealTime();
  }

  /**
   * The checks of step {@code index} this backend cannot verify, with the reason they will be
   * SKIPPED: known before the lesson starts, for views to mark them.
   */
  public List<Unverifiable> unverifiable(int index) {
    return Unverifiable.among(
        lesson.steps().get(index).checks(),
        backend.capabilities(),
        backend.name(),
        time.allowsRealWait());
  }

  /** {@code $IAM_KATA_HOME/sandboxes/<lesson>}. */
  public static Path sandboxFor(Path kataHome, String lessonId) {
    return kataHome.resolve("sandboxes").resolve(lessonId);
  }

  public void addListener(LessonListener listener) {
    listeners.add(listener);
  }

  public Lesson lesson() {
    return lesson;
  }

  /** The learner's workspace (valid after {@link #start()}). */
  public Workspace workspace() {
    return workspace;
  }

  /** The account, region and second account values of {@code {{...}}} for this backend. */
  public Placeholders placeholders() {
    return placeholders;
  }

  /** The current step's index; {@code steps().size()} once finished. */
  public int currentIndex() {
    return current;
  }

  /** The current step, or null when finished. */
  public Step currentStep() {
    return finished || current < 0 ? null : lesson.steps().get(current);
  }

  public boolean finished() {
    return finished;
  }

  /** How step {@code index} was done so far: passed, skipped, in progress or not started. */
  public StepStatus status(int index) {
    return done.getOrDefault(
        index, index == current ? StepStatus.IN_PROGRESS : StepStatus.NOT_STARTED);
  }

  /** Resets the backend, builds the sandbox, runs setup as the admin and enters the first step. */
  public void start() throws LessonException, InterruptedException {
    workspace = sandbox.build();
    commandsByStep.clear();
    done.clear();
    snapshots.clear();
    hints.clear();
    finished = false;
    progress.lessonStarted();
    emit(new LessonEvent.LessonStarted(lesson));
    enter(0);
  }

  /**
   * Runs a learner's command line (a {@code wait DURATION} line moves the lesson clock), records it
   * for the step, evaluates the step's checks and advances when all pass.
   *
   * @return the checks' results (empty when the lesson is already finished)
   */
  public List<CheckResult> submit(String line) throws LessonException, InterruptedException {
    if (finished) {
      return List.of();
    }
    run(line);
    return check();
  }

  /**
   * Runs a learner's command line and records it, without evaluating checks. Placeholders such as
   * {@code {{account}}} are filled in first, so lines copied from a lesson run as written.
   */
  public CommandResult run(String typed) throws LessonException, InterruptedException {
    requireStep();
    String line = time.prepare(placeholders.apply(typed));
    CommandResult result = time.waitLine(current, currentStep(), line);
    if (result == null) {
      result = commands.run(line, workspace);
    }
    commandsByStep.computeIfAbsent(current, i -> new ArrayList<>()).add(result);
    progress.attempt(currentStep().id());
    emit(new LessonEvent.CommandRan(current, result));
    return result;
  }

  /** Evaluates the current step's checks without advancing. */
  public List<CheckResult> evaluate() throws InterruptedException {
    requireStep();
    List<CheckResult> results = evaluator.evaluateAll(currentStep().checks(), context(current));
    emit(new LessonEvent.ChecksEvaluated(current, results));
    return results;
  }

  /** Evaluates the current step's checks and advances when all pass. */
  public List<CheckResult> check() throws LessonException, InterruptedException {
    List<CheckResult> results = evaluate();
    if (results.stream().allMatch(LessonEvent::passedOrSkipped)) {
      pass(false);
    }
    return results;
  }

  /** Reveals the next hint of the current step (counted in progress), or null when none is left. */
  public Text hint() throws LessonException {
    requireStep();
    int shown = hints.getOrDefault(current, 0);
    if (shown >= currentStep().hints().size()) {
      return null;
    }
    hints.put(current, shown + 1);
    Text hint = currentStep().hints().get(shown).with(placeholders);
    progress.hint(currentStep().id());
    emit(new LessonEvent.HintRevealed(current, shown + 1, hint));
    return hint;
  }

  /**
   * Runs the step's solution for the learner and records the step as skipped (not passed).
   *
   * @throws LessonException when the lesson does not allow skipping
   */
  public List<CheckResult> skip() throws LessonException, InterruptedException {
    requireStep();
    if (!lesson.allowSkip()) {
      throw new LessonException("this lesson does not allow skipping steps");
    }
    return solve();
  }

  /**
   * Brings the lesson to step {@code index} as a workshop instructor asks (the instructor decides,
   * so a lesson's {@code allowSkip} does not apply): forward by running each step's solution, the
   * steps recorded as skipped; backward, or from a finished lesson, by starting again first.
   */
  public void jumpTo(int index) throws LessonException, InterruptedException {
    if (index < 0 || index >= lesson.steps().size()) {
      throw new LessonException(
          "no step " + (index + 1) + " in " + lesson.id() + " (" + lesson.steps().size() + ")");
    }
    if (finished || current < 0 || index < current) {
      start();
    }
    while (current < index) {
      solve();
    }
  }

  private List<CheckResult> solve() throws LessonException, InterruptedException {
    for (String line : currentStep().solution()) {
      run(placeholders.apply(line));
    }
    List<CheckResult> results = evaluate();
    pass(true);
    return results;
  }

  /** Puts the backend and the learner's home back to where the current step began. */
  public void resetStep() throws LessonException, InterruptedException {
    requireStep();
    StepSnapshot s = snapshots.get(current);
    try {
      s.restore(backend, workspace);
    } catch (BackendException | IOException e) {
      throw new LessonException("cannot reset the step: " + e.getMessage(), e);
    }
    commandsByStep.remove(current);
    emit(new LessonEvent.StepReset(current));
    emit(new LessonEvent.StepStarted(current, currentStep()));
  }

  /** Starts the whole lesson again (backend reset, fresh sandbox, setup). */
  public void resetLesson() throws LessonException, InterruptedException {
    start();
  }

  /**
   * Moves the lesson clock; only in a step that declares {@code clock}. Where the lesson runs in
   * real time ({@link #waitsInRealTime()}) it waits instead, {@link RealWait#length} of {@code by}.
   *
   * @return how far the clock moved: {@code by}, or the real wait
   */
  public Duration waitClock(Duration by) throws LessonException, InterruptedException {
    requireStep();
    return time.move(current, currentStep(), by);
  }

  private void pass(boolean skipped) throws LessonException, InterruptedException {
    Step step = currentStep();
    done.put(current, skipped ? StepStatus.SKIPPED : StepStatus.PASSED);
    progress.done(step.id(), skipped);
    emit(new LessonEvent.StepPassed(current, step, skipped));
    if (current + 1 < lesson.steps().size()) {
      enter(current + 1);
    } else {
      finish();
    }
  }

  private void enter(int index) throws LessonException {
    current = index;
    try {
      snapshots.put(index, StepSnapshot.take(backend, workspace, sandbox.snapshotFolder(index)));
    } catch (BackendException | IOException e) {
      throw new LessonException("cannot snapshot step " + (index + 1) + ": " + e.getMessage(), e);
    }
    progress.stepStarted(currentStep().id());
    emit(new LessonEvent.StepStarted(index, currentStep()));
  }

  private void finish() throws LessonException, InterruptedException {
    List<LessonEvent.StepReport> reports = new ArrayList<>();
    for (int i = 0; i < lesson.steps().size(); i++) {
      Step step = lesson.steps().get(i);
      reports.add(
          new LessonEvent.StepReport(
              step, done.get(i), evaluator.evaluateAll(step.checks(), context(i))));
    }
    finished = true;
    current = lesson.steps().size();
    progress.lessonFinished();
    emit(new LessonEvent.LessonFinished(reports));
  }

  private CheckContext context(int index) {
    return new CheckContext(
        commandsByStep.getOrDefault(index, List.of()),
        workspace,
        commands,
        placeholders,
        sandbox.adminIam(),
        lesson.folder(),
        backend.capabilities(),
        backend.name(),
        CheckEvaluator.DEFAULT_TIMEOUT,
        time.allowsRealWait());
  }

  private void requireStep() {
    if (current < 0 || finished) {
      throw new IllegalStateException(
          current < 0 ? "the lesson has not started" : "the lesson is finished");
    }
  }

  private void emit(LessonEvent e) {
    listeners.forEach(l -> l.on(e));
  }

  /** True when the backend can put a step back exactly ({@link Capability#SNAPSHOTS}). */
  public boolean canResetStep() {
    return backend.capabilities().has(Capability.SNAPSHOTS);
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
