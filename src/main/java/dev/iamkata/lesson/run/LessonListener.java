package dev.iamkata.lesson.run;

/** Receives a runner's events on the thread that drives the runner. */
@FunctionalInterface
public interface LessonListener {
  void on(LessonEvent event);
}
