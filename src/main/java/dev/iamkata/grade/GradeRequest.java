package dev.iamkata.grade;

import dev.iamkata.shell.ScriptLines;
import java.util.List;
import java.util.Objects;

/**
 * One script to grade.
 *
 * @param lessonId the lesson to grade against
 * @param script the script's file name as given (for the report)
 * @param learner the learner's name, or {@code null}
 * @param entries the script's logical command lines with their line numbers
 * @param lang {@code en} or {@code ja}: the language of titles and messages in the report
 */
public record GradeRequest(
    String lessonId, String script, String learner, List<ScriptLines.Entry> entries, String lang) {

  public GradeRequest {
    Objects.requireNonNull(lessonId, "lessonId");
    Objects.requireNonNull(lang, "lang");
    entries = List.copyOf(entries);
  }
}
