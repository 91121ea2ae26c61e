package dev.iamkata.lesson.check;

import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Text;
import java.time.Duration;

/**
 * One check's result, with what was expected and what happened in both languages.
 *
 * @param check the check as loaded
 * @param status how it ended
 * @param expected what the check wanted
 * @param actual what it found (or why it could not run)
 * @param explanation the lesson's {@code explain} for this check when it failed, else null
 * @param took how long it took
 */
public record CheckResult(
    Check check, CheckStatus status, Text expected, Text actual, Text explanation, Duration took) {

  public boolean passed() {
    return status == CheckStatus.PASS;
  }
}
