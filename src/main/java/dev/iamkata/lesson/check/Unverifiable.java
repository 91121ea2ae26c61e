package dev.iamkata.lesson.check;

import dev.iamkata.backend.Capabilities;
import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A check the backend cannot verify, known before anything runs: the evaluator will report it
 * SKIPPED with this reason, so views can say so when a step is shown.
 *
 * @param check the check
 * @param reason {@code cannot be verified on this backend (NAME): ...}, as the SKIPPED result says
 */
public record Unverifiable(Check check, Text reason) {

  /**
   * The checks of {@code checks} that a backend called {@code backendName} with {@code have} cannot
   * verify, in order.
   *
   * @param realWaitAllowed whether a real wait may stand in for a clock (expiry checks)
   */
  public static List<Unverifiable> among(
      List<Check> checks, Capabilities have, String backendName, boolean realWaitAllowed) {
    List<Unverifiable> out = new ArrayList<>();
    for (Check c : checks) {
      Optional<String> missing = CheckNeeds.missing(c, have, realWaitAllowed);
      missing.ifPresent(
          m -> out.add(new Unverifiable(c, Messages.text("skipped.capability", backendName, m))));
    }
    return out;
  }
}
