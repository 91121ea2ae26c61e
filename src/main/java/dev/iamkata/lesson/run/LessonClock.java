package dev.iamkata.lesson.run;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.load.Durations;
import dev.iamkata.lesson.model.Step;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lesson clock of a {@link LessonRunner}: a step's {@code wait DURATION} line and {@link
 * LessonRunner#waitClock} move the backend's clock, or, where the lesson runs in real time (the
 * backend honours expiry but its clock cannot be moved, and a {@link RealWait} is allowed), wait a
 * session out for real, {@code aws sts assume-role} lines then asking for sessions short enough to
 * wait out. Kept apart from the runner so the step state machine does not carry the two ways time
 * passes.
 */
final class LessonClock {
  private static final Pattern WAIT = Pattern.compile("\\s*wait\\s+(\\S+)\\s*");

  private final Backend backend;
  private final RealWait realWait;
  private final Consumer<LessonEvent> emit;

  /** {@code emit} is told of every move, as the runner's listeners must be. */
  LessonClock(Backend backend, RealWait realWait, Consumer<LessonEvent> emit) {
    this.backend = backend;
    this.realWait = realWait;
    this.emit = emit;
  }

  /** Whether real waits are allowed at all (expiry checks are skipped when not). */
  boolean allowsRealWait() {
    return realWait.isAllowed();
  }

  /** See {@link LessonRunner#waitsInRealTime()}. */
  boolean inRealTime() {
    return realWait.appliesTo(backend.capabilities());
  }

  /** {@code line} as it runs: with short sessions when in real time, so they can be waited out. */
  String prepare(String line) {
    return inRealTime() ? RealWait.shortSessions(line) : line;
  }

  /**
   * The result of {@code line} when it is a {@code wait DURATION} line of step {@code index}, or
   * null when it is an ordinary command. A bad duration or a step without a clock is the command's
   * failure (exit 2 or 1, as a shell command would), not the lesson's.
   */
  CommandResult waitLine(int index, Step step, String line) throws InterruptedException {
    Matcher wait = WAIT.matcher(line);
    if (!wait.matches()) {
      return null;
    }
    String amount = wait.group(1);
    Duration d = Durations.parse(amount);
    if (d == null) {
      return new CommandResult(
          line, 2, "", "wait: " + Durations.EXPECTED + "\n", Duration.ZERO, List.of());
    }
    try {
      Duration moved = move(index, step, d);
      String said =
          moved.equals(d)
              ? "the lesson clock moved " + amount + " ahead\n"
              : "waited "
                  + moved.toSeconds()
                  + " s in real time (this backend's clock cannot be moved; sessions last 15"
                  + " minutes)\n";
      return new CommandResult(line, 0, said, "", Duration.ZERO, List.of());
    } catch (LessonException e) {
      return new CommandResult(
          line, 1, "", "wait: " + e.getMessage() + "\n", Duration.ZERO, List.of());
    }
  }

  /**
   * Moves the clock by {@code by} in step {@code index}, or waits {@link RealWait#length} of it in
   * real time.
   *
   * @return how far the clock moved: {@code by}, or the real wait
   * @throws LessonException when the step declares no {@code clock} or the backend refuses
   */
  Duration move(int index, Step step, Duration by) throws LessonException, InterruptedException {
    if (step.clock() == null) {
      throw new LessonException("this step has no clock: there is nothing to wait for");
    }
    try {
      Duration moved = by;
      if (inRealTime()) {
        moved = RealWait.length(by);
        realWait.await(moved);
      } else {
        backend.advanceClock(by);
      }
      emit.accept(new LessonEvent.ClockAdvanced(index, moved, backend.clockTime()));
      return moved;
    } catch (BackendException e) {
      throw new LessonException("cannot move the clock: " + e.getMessage(), e);
    }
  }
}
