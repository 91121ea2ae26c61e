package dev.iamkata.lesson.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One lesson: {@code lessons/<id>/lesson.yaml} as loaded and checked by {@link
 * dev.iamkata.lesson.load.LessonLoader}. Immutable.
 *
 * @param id the folder name, {@code [a-z0-9-]+}
 * @param order catalog order (lower first)
 * @param track catalog grouping: {@code articles} or {@code beyond}
 * @param level 1 beginner, 2 intermediate, 3 advanced
 * @param title the title
 * @param summary one or two sentences for the catalog
 * @param tags free tags
 * @param minutes estimated minutes
 * @param prerequisites ids of lessons to take first
 * @param allowSkip whether {@code skip} may run a step's solution for the learner
 * @param sourceArticle the seed article the lesson retells, or {@code null}
 * @param setup what the admin does before the first step
 * @param steps the steps, in order
 * @param folder the lesson's folder (files referenced by setup and checks are resolved here)
 */
public record Lesson(
    String id,
    int order,
    String track,
    int level,
    Text title,
    Text summary,
    List<String> tags,
    int minutes,
    List<String> prerequisites,
    boolean allowSkip,
    String sourceArticle,
    List<SetupItem> setup,
    List<Step> steps,
    Path folder) {

  public Lesson {
    tags = List.copyOf(tags);
    prerequisites = List.copyOf(prerequisites);
    setup = List.copyOf(setup);
    steps = List.copyOf(steps);
  }

  /** The step with {@code id}, or -1. */
  public int indexOf(String stepId) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(stepId)) {
        return i;
      }
    }
    return -1;
  }
}
