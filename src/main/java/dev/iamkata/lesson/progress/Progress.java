package dev.iamkata.lesson.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@code progress.json} holds: per lesson, per step. Immutable; the {@code with*}
 * methods return changed copies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(int version, Map<String, Lesson> lessons) {
  public static final int VERSION = 1;

  public Progress {
    lessons = lessons == null ? Map.of() : Map.copyOf(new TreeMap<>(lessons));
  }

  public static Progress empty() {
    return new Progress(VERSION, Map.of());
  }

  /** A lesson's progress, empty when never started. */
  public Lesson lesson(String id) {
    return lessons.getOrDefault(id, new Lesson(null, null, Map.of()));
  }

  public Progress with(String id, Lesson lesson) {
    Map<String, Lesson> m = new TreeMap<>(lessons);
    m.put(id, lesson);
    return new Progress(version, m);
  }

  /** One lesson: when it started and finished (all steps passed or skipped), and its steps. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Lesson(Instant started, Instant finished, Map<String, Step> steps) {
    public Lesson {
      steps = steps == null ? Map.of() : Map.copyOf(new TreeMap<>(steps));
    }

    public Step step(String id) {
      return steps.getOrDefault(id, new Step(StepStatus.NOT_STARTED, null, null, 0, 0));
    }

    public Lesson with(String id, Step step) {
      Map<String, Step> m = new TreeMap<>(steps);
      m.put(id, step);
      return new Lesson(started, finished, m);
    }

    public Lesson started(Instant at) {
      return new Lesson(started == null ? at : started, finished, steps);
    }

    public Lesson finished(Instant at) {
      return new Lesson(started, at, steps);
    }

    public long count(StepStatus status) {
      return steps.values().stream().filter(s -> s.status() == status).count();
    }
  }

  /**
   * One step.
   *
   * @param attempts learner commands run while on the step
   * @param hintsUsed hints revealed
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Step(
      StepStatus status, Instant started, Instant finished, int attempts, int hintsUsed) {
    public Step {
      status = status == null ? StepStatus.NOT_STARTED : status;
    }
  }
}
