package dev.iamkata.backend;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which capabilities a lesson check needs for its result to prove anything, from what it expects.
 * The lesson runner asks before a lesson starts and marks a check whose needs the backend lacks as
 * skipped, "cannot be verified on this backend", with the reason, instead of letting an emulator
 * that allows everything pass a check that expects a denial.
 *
 * <table>
 *   <caption>expected outcome → capabilities</caption>
 *   <tr><td>{@code AccessDenied}, {@code AccessDeniedException}, {@code UnauthorizedOperation}
 *       <td>identity policies
 *   <tr><td>the same, from {@code sts assume-role}<td>trust and identity policies
 *   <tr><td>{@code ExpiredToken}, {@code ExpiredTokenException}<td>token expiry, and clock
 *       control unless a real wait is allowed
 *   <tr><td>{@code InvalidClientTokenId}, {@code SignatureDoesNotMatch} and the other key and
 *       signature refusals<td>signatures
 *   <tr><td>anything, on service S<td>S is served
 *   <tr><td>a {@code state} check asking the simulator (a decision, a trust policy)<td>the
 *       policy simulator ({@link #forSimulation()})
 * </table>
 */
public final class CheckRequirements {
  /**
   * Why an expiry check is skipped on a backend that honours expiry but whose clock cannot be
   * moved, when no real wait is allowed.
   */
  public static final String NEEDS_REAL_WAIT =
      "needs clock control; run with --real-wait to wait 15 minutes";

  private CheckRequirements() {}

  /**
   * What one check needs.
   *
   * @param capabilities the capabilities its result depends on
   * @param service the AWS service the check calls (signing name), or null
   * @param realWaitReplacesClock whether a real wait may stand in for {@link
   *     Capability#CLOCK_CONTROL} (expiry checks)
   */
  public record Requirement(
      Set<Capability> capabilities, String service, boolean realWaitReplacesClock) {
    public Requirement {
      capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
    }

    /**
     * Why the check cannot be verified on a backend with {@code have}, as {@code cannot be verified
     * on this backend: …}, or empty when it can.
     *
     * @param realWaitAllowed whether the runner may wait in real time (e.g. 15 minutes for a
     *     session with {@code DurationSeconds=900}) where the clock cannot be moved
     */
    public Optional<String> unverifiable(Capabilities have, boolean realWaitAllowed) {
      return missing(have, realWaitAllowed).map(m -> "cannot be verified on this backend: " + m);
    }

    /**
     * What the backend lacks for this check, e.g. {@code no identity-policies (a user with no
     * policies calling iam:ListUsers got ok)} or {@code it does not serve cloudtrail}; empty when
     * nothing is missing.
     */
    public Optional<String> missing(Capabilities have, boolean realWaitAllowed) {
      if (service != null && !have.serves(service)) {
        return Optional.of("it does not serve " + service);
      }
      for (Capability c : EnumSet.allOf(Capability.class)) {
        if (!capabilities.contains(c) || have.has(c)) {
          continue;
        }
        if (c == Capability.CLOCK_CONTROL && realWaitReplacesClock) {
          // token expiry is there (checked first): a real wait would show it
          if (realWaitAllowed) {
            continue;
          }
          return Optional.of(NEEDS_REAL_WAIT);
        }
        String why = have.reasons().get(c);
        return Optional.of("no " + ProbeTable.name(c) + (why == null ? "" : " (" + why + ")"));
      }
      return Optional.empty();
    }
  }

  /**
   * The needs of a check that expects {@code outcome} from calling {@code operation} on {@code
   * service}.
   *
   * @param service the service as the aws CLI names it ({@code iam}, {@code s3}, {@code s3api},
   *     {@code dynamodb}, ...), or null when the check calls nothing (a file check)
   * @param operation the operation or CLI command ({@code AssumeRole} or {@code assume-role}), or
   *     null
   * @param outcome {@code ok}, {@code error: CODE} or just {@code CODE}; null means ok
   */
  public static Requirement of(String service, String operation, String outcome) {
    String code = code(outcome);
    EnumSet<Capability> needs = EnumSet.noneOf(Capability.class);
    boolean wait = false;
    if (Outcomes.DENIALS.contains(code)) {
      needs.add(Capability.IDENTITY_POLICIES);
      if (isAssumeRole(operation)) {
        needs.add(Capability.TRUST_POLICIES);
      }
    } else if (Outcomes.EXPIRIES.contains(code)) {
      needs.add(Capability.TOKEN_EXPIRY);
      needs.add(Capability.CLOCK_CONTROL);
      wait = true;
    } else if (Outcomes.SIGNATURE_REFUSALS.contains(code)) {
      needs.add(Capability.SIGNATURES);
    }
    return new Requirement(needs, signingName(service), wait);
  }

  /** The needs of a check answered by IAM's policy simulator. */
  public static Requirement forSimulation() {
    return new Requirement(EnumSet.of(Capability.POLICY_SIMULATOR), "iam", false);
  }

  /** {@code error: AccessDenied} → {@code AccessDenied}; {@code ok} or null → {@code ok}. */
  static String code(String outcome) {
    if (outcome == null || outcome.isBlank()) {
      return Outcomes.OK;
    }
    String t = outcome.trim();
    if (t.regionMatches(true, 0, "error:", 0, 6)) {
      t = t.substring(6).trim();
    }
    return t;
  }

  private static boolean isAssumeRole(String operation) {
    return operation != null
        && operation.replace("-", "").toLowerCase(Locale.ROOT).startsWith("assumerole");
  }

  /** The aws CLI's service names to the signing names backends report. */
  static String signingName(String service) {
    if (service == null) {
      return null;
    }
    String s = service.toLowerCase(Locale.ROOT);
    return switch (s) {
      case "s3api" -> "s3";
      case "dynamodbstreams" -> "dynamodb";
      default -> s;
    };
  }
}
