package dev.iamkata.lesson.model;

/** One thing the admin does before the first step; the learner never sees it. */
public sealed interface SetupItem {

  /**
   * A command line run as the admin (an {@code aws ...} call with the admin's key).
   *
   * @param account the account whose admin runs it ({@code {{account2}}} for cross-account
   *     lessons), or null for the learner's account
   */
  record Command(String line, String account) implements SetupItem {
    public Command(String line) {
      this(line, null);
    }
  }

  /**
   * Creates an access key for {@code user} and writes profile {@code name} into the learner's
   * {@code ~/.aws/credentials} (and its region into {@code ~/.aws/config}).
   *
   * @param account the account the user lives in, or null for the learner's account
   */
  record Profile(String name, String user, String account) implements SetupItem {
    public Profile(String name, String user) {
      this(name, user, null);
    }
  }

  /**
   * Writes a file into the learner's home: the lesson file {@code from} (relative to the lesson
   * folder) or the literal {@code content}; exactly one of them is set.
   */
  record File(String path, String from, String content) implements SetupItem {}
}
