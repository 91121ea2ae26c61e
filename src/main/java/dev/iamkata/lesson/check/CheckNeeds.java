package dev.iamkata.lesson.check;

import dev.iamkata.backend.Capabilities;
import dev.iamkata.backend.Capability;
import dev.iamkata.backend.CheckRequirements;
import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.StateQuestion;
import java.util.EnumSet;
import java.util.Optional;

/**
 * What a check needs of the backend: the capabilities its author declared ({@code requires}) and
 * those its expectation implies ({@link CheckRequirements}: a denial needs identity policies, an
 * {@code ExpiredToken} needs expiry and the clock, a simulation needs the simulator, any AWS call
 * needs its service). A check whose needs are missing is SKIPPED, never passed.
 */
final class CheckNeeds {
  private CheckNeeds() {}

  /**
   * What the backend lacks for {@code check}, in words; empty when it can be verified.
   *
   * @param realWaitAllowed whether a real wait may stand in for the clock (expiry checks)
   */
  static Optional<String> missing(Check check, Capabilities have, boolean realWaitAllowed) {
    for (Capability declared : EnumSet.allOf(Capability.class)) {
      if (check.requires().contains(declared) && !have.has(declared)) {
        String why = have.reasons().get(declared);
        return Optional.of(
            "no "
                + declared.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + (why == null ? "" : " (" + why + ")"));
      }
    }
    CheckRequirements.Requirement implied = implied(check);
    return implied == null ? Optional.empty() : implied.missing(have, realWaitAllowed);
  }

  /** The needs {@code check}'s kind and expectation imply; null for checks that call nothing. */
  static CheckRequirements.Requirement implied(Check check) {
    String error = check.expect() == null ? null : check.expect().error();
    Check.Spec spec = check.spec();
    if (spec instanceof Check.Spec.LearnerRan r) {
      return awsCommand(r.command(), error);
    }
    if (spec instanceof Check.Spec.Probe p) {
      return awsCommand(p.run(), error);
    }
    if (spec instanceof Check.Spec.State s) {
      return s.question() instanceof StateQuestion.Simulate
              || s.question() instanceof StateQuestion.TrustAllows
          ? CheckRequirements.forSimulation()
          : CheckRequirements.of("iam", null, null);
    }
    return null;
  }

  /** {@code aws SERVICE COMMAND ...}: the service and command; other programs need nothing. */
  private static CheckRequirements.Requirement awsCommand(String line, String error) {
    String[] words = line.trim().split("\\s+");
    if (words.length < 2 || !words[0].equals("aws")) {
      return null;
    }
    return CheckRequirements.of(words[1], words.length > 2 ? words[2] : null, error);
  }
}
