package dev.iamkata.tui.adapt;

import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Placeholders;
import dev.iamkata.lesson.model.Step;
import dev.iamkata.lesson.model.Text;
import dev.iamkata.lesson.progress.Progress;
import dev.iamkata.lesson.progress.StepStatus;
import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.model.CheckView;
import dev.iamkata.tui.model.ClockView;
import dev.iamkata.tui.model.LessonSession;
import dev.iamkata.tui.model.StepState;
import dev.iamkata.tui.model.StepStats;
import dev.iamkata.tui.model.StepView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson over its model and the stored progress: steps, bodies and hints in the learner's
 * language, the current step being the first not passed or skipped. It runs no checks itself; check
 * results come from the lesson runner through the shell.
 */
public final class ReaderSession implements LessonSession {
  private final Lesson lesson;
  private final Progress.Lesson progress;
  private final Placeholders placeholders;
  private final String lang;
  private final Clock clock;
  private final int[] hints;
  private int current;

  public ReaderSession(
      Lesson lesson,
      Progress.Lesson progress,
      Placeholders placeholders,
      Language language,
      Clock clock) {
    this.lesson = lesson;
    this.progress = progress;
    this.placeholders = placeholders;
    this.lang = language.code;
    this.clock = clock;
    this.hints = new int[lesson.steps().size()];
    for (int i = 0; i < hints.length; i++) {
      hints[i] = progress.step(lesson.steps().get(i).id()).hintsUsed();
    }
    this.current = firstOpen();
  }

  private int firstOpen() {
    for (int i = 0; i < lesson.steps().size(); i++) {
      if (!doneStatus(progress.step(lesson.steps().get(i).id()).status())) {
        return i;
      }
    }
    return Math.max(0, lesson.steps().size() - 1);
  }

  private static boolean doneStatus(StepStatus s) {
    return s == StepStatus.PASSED || s == StepStatus.SKIPPED;
  }

  private String text(Text t) {
    return t == null ? "" : t.with(placeholders).in(lang);
  }

  @Override
  public String lessonId() {
    return lesson.id();
  }

  @Override
  public String title() {
    return text(lesson.title());
  }

  @Override
  public List<StepView> steps() {
    List<StepView> out = new ArrayList<>();
    for (int i = 0; i < lesson.steps().size(); i++) {
      Step s = lesson.steps().get(i);
      out.add(
          new StepView(
              s.id(),
              text(s.title()),
              text(s.body()),
              s.hints().size(),
              state(i),
              s.clock() != null));
    }
    return out;
  }

  private StepState state(int i) {
    StepStatus s = progress.step(lesson.steps().get(i).id()).status();
    if (s == StepStatus.PASSED) {
      return StepState.PASSED;
    }
    if (s == StepStatus.SKIPPED) {
      return StepState.SKIPPED;
    }
    return i == current ? StepState.CURRENT : StepState.TODO;
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public List<String> revealedHints(int index) {
    List<Text> all = lesson.steps().get(index).hints();
    return all.subList(0, Math.min(hints[index], all.size())).stream().map(this::text).toList();
  }

  @Override
  public boolean revealHint() {
    if (hints[current] >= lesson.steps().get(current).hints().size()) {
      return false;
    }
    hints[current]++;
    return true;
  }

  @Override
  public List<CheckView> lastChecks() {
    return List.of();
  }

  @Override
  public boolean next() {
    if (state(current) == StepState.CURRENT || current >= lesson.steps().size() - 1) {
      return false;
    }
    current++;
    return true;
  }

  @Override
  public ClockView clock() {
    return new ClockView(clock.instant(), null, null);
  }

  @Override
  public boolean finished() {
    return lesson.steps().stream().allMatch(s -> doneStatus(progress.step(s.id()).status()));
  }

  @Override
  public List<StepStats> stats() {
    List<StepStats> out = new ArrayList<>();
    for (int i = 0; i < lesson.steps().size(); i++) {
      Step s = lesson.steps().get(i);
      Progress.Step p = progress.step(s.id());
      Duration took =
          p.started() != null && p.finished() != null
              ? Duration.between(p.started(), p.finished())
              : null;
      out.add(new StepStats(text(s.title()), state(i), took, hints[i], p.attempts()));
    }
    return out;
  }
}
