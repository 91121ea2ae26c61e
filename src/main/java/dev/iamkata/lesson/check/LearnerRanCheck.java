package dev.iamkata.lesson.check;

import dev.iamkata.lesson.AwsCall;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Expect;
import dev.iamkata.lesson.model.Text;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code learner-ran}: one of the learner's aws calls in this step matches the command words
 * ({@code aws SERVICE COMMAND}, a prefix), the profile when given, and the expect.
 */
final class LearnerRanCheck {
  private LearnerRanCheck() {}

  static Verdict evaluate(Check.Spec.LearnerRan spec, Expect expect, CheckContext ctx) {
    String command = ctx.placeholders().apply(spec.command());
    List<String> words = Arrays.asList(command.trim().split("\\s+"));
    Text expected = CommandExpect.expected(expect, spec.target(), ctx.placeholders());
    Verdict last = null;
    AwsCall otherProfile = null;
    for (CommandResult line : ctx.stepCommands()) {
      for (AwsCall call : line.awsCalls()) {
        if (!matches(words, call)) {
          continue;
        }
        if (spec.profile() != null && !spec.profile().equals(call.profile())) {
          otherProfile = call;
          continue;
        }
        String code =
            call.errorCode() != null ? call.errorCode() : CommandExpect.errorCode(line.stderr());
        Verdict v =
            CommandExpect.judge(
                expect,
                spec.target(),
                call.exitCode(),
                call.exitCode() == 0 ? null : code,
                line.stdout(),
                line.stderr(),
                ctx.placeholders());
        if (v.pass()) {
          return v;
        }
        last = v;
      }
    }
    if (last != null) {
      return last;
    }
    if (otherProfile != null) {
      Text used =
          otherProfile.profile() == null
              ? Messages.text("actual.defaultProfile")
              : Messages.text("actual.profile", otherProfile.profile());
      return Verdict.of(
          false, expected, Messages.text("actual.otherProfile", command, used, spec.profile()));
    }
    return Verdict.of(false, expected, Messages.text("actual.notRun", command));
  }

  private static boolean matches(List<String> words, AwsCall call) {
    if (words.isEmpty() || !words.get(0).equals("aws")) {
      return false;
    }
    return (words.size() < 2 || Objects.equals(words.get(1), call.service()))
        && (words.size() < 3 || Objects.equals(words.get(2), call.command()));
  }
}
