package dev.iamkata.grade;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Sample reports for the writers' tests. */
final class Reports {
  static final Instant START = Instant.parse("2026-12-02T04:00:00Z");

  private Reports() {}

  static CheckReport pass(String description) {
    return new CheckReport(
        "learner-ran", description, Status.PASS, null, null, null, Duration.ofMillis(12), null);
  }

  /** Three steps: all pass; one of each other result (with awkward text); not reached. */
  static GradeReport mixed(String lang) {
    StepReport one =
        new StepReport(
            1,
            "user-is-denied",
            "The user is denied",
            true,
            2,
            2,
            Duration.ofMillis(300),
            List.of(pass("aws s3 ls --profile dev-user fails with AccessDenied")));
    StepReport two =
        new StepReport(
            2,
            "assume-the-role",
            "Assume the role # with <markup> & \"quotes\"",
            true,
            null,
            3,
            Duration.ofMillis(900),
            List.of(
                new CheckReport(
                    "probe",
                    "aws sts get-caller-identity --profile dev-session # Arn",
                    Status.FAIL,
                    "arn:aws:sts::123456789012:assumed-role/dev-role/dev-session",
                    "An error occurred (AccessDenied) when calling \\ <AssumeRole>\n\u001b[31mred\u001b[0m",
                    "The session's Arn is not the role's: アクセスが拒否されました",
                    Duration.ofMillis(40),
                    null),
                new CheckReport(
                    "file",
                    "trust-policy.json is valid JSON",
                    Status.ERROR,
                    null,
                    null,
                    "could not read trust-policy.json: permission denied",
                    Duration.ofMillis(1),
                    null),
                new CheckReport(
                    "probe",
                    "aws s3 ls --profile dev-session",
                    Status.TIMEOUT,
                    "finishes within 30s",
                    null,
                    "the command did not finish within 30s",
                    Duration.ofSeconds(30),
                    null),
                new CheckReport(
                    "state",
                    "simulate s3:ListBucket for dev-role is allowed",
                    Status.SKIPPED,
                    null,
                    null,
                    null,
                    Duration.ZERO,
                    "the localstack backend does not evaluate identity policies")));
    StepReport three =
        new StepReport(
            3,
            "session-expires",
            "The session expires",
            false,
            null,
            0,
            Duration.ZERO,
            List.of(
                new CheckReport(
                    "learner-ran",
                    "aws s3 ls --profile dev-session fails with ExpiredToken",
                    Status.FAIL,
                    "error ExpiredToken",
                    null,
                    GradeMessages.get(lang, GradeMessages.Key.NOT_REACHED),
                    Duration.ZERO,
                    null)));
    return new GradeReport(
        "assume-role-basics",
        "AssumeRole, one question at a time",
        lang,
        "embedded",
        "tanaka",
        "tanaka.sh",
        START,
        START.plusMillis(1234),
        List.of(one, two, three));
  }

  /** Two steps, every check passes. */
  static GradeReport allPass() {
    return new GradeReport(
        "assume-role-basics",
        "AssumeRole",
        "en",
        "embedded",
        null,
        null,
        START,
        START.plusMillis(500),
        List.of(
            new StepReport(
                1, "a", "A", true, 1, 1, Duration.ofMillis(100), List.of(pass("one"), pass("two"))),
            new StepReport(
                2, "b", "B", true, 3, 2, Duration.ofMillis(200), List.of(pass("three")))));
  }
}
