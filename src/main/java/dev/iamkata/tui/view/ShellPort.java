package dev.iamkata.tui.view;

import dev.iamkata.tui.model.LessonSession;

/**
 * The hands-on part: the JLine shell takes the terminal for the current step and returns when the
 * learner types {@code menu} or presses Ctrl-]. The same shell (history, variables, files) must be
 * resumed on the next call for the same lesson.
 */
public interface ShellPort {

  /** Runs the shell on the real terminal until the learner goes back to the lesson screen. */
  void run(LessonSession session) throws Exception;

  /** Whether a shell is available at all (it needs a real terminal). */
  boolean available();
}
