package dev.iamkata.tui;

import dev.iamkata.tui.model.LessonSession;
import dev.iamkata.tui.view.ShellPort;

/** The shell port when no interactive shell can run: the lesson screen says so. */
final class NoShell implements ShellPort {
  @Override
  public void run(LessonSession session) {
    throw new IllegalStateException("no shell");
  }

  @Override
  public boolean available() {
    return false;
  }
}
