package dev.iamkata.lesson.model;

/** One thing the admin does before the first step; the learner never sees it. */
public sealed interface SetupItem {

  /** A command line run as the admin (an {@code aws ...} call with the admin's key). */
  record Command(String line) implements SetupItem {}

  /**
   * Creates an access key for {@code user} and writes profile {@code name} into the learner's
   * {@code ~/.aws/credentials} (and its region into {@code ~/.aws/config}).
   */
  record Profile(String name, String user) implements SetupItem {}

  /**
   * Writes a file into the learner's home: the lesson file {@code from} (relative to the lesson
   * folder) or the literal {@code content}; exactly one of them is set.
   */
  record File(String path, String from, String content) implements SetupItem {}
}
