package dev.iamkata.tui.view;

import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.model.CheckView;
import dev.iamkata.tui.model.ClockView;
import dev.iamkata.tui.model.LessonSession;
import dev.iamkata.tui.model.StepState;
import dev.iamkata.tui.model.StepStats;
import dev.iamkata.tui.model.StepView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A three-step lesson whose check results the test sets. */
final class FakeSession implements LessonSession {
  static final Instant TEN = Instant.parse("2026-01-05T10:00:00Z");
  final String id;
  final boolean ja;
  int current;
  final int[] hints = new int[3];
  final StepState[] states = {StepState.CURRENT, StepState.TODO, StepState.TODO};
  List<CheckView> checks = List.of();
  List<String> firstStepUnverifiable = List.of();
  ClockView clock = new ClockView(TEN, null, null);

  FakeSession(String id, Language language) {
    this.id = id;
    this.ja = language == Language.JA;
  }

  @Override
  public String lessonId() {
    return id;
  }

  @Override
  public String title() {
    return ja ? "AssumeRole の疑問を一つずつ" : "AssumeRole, one question at a time";
  }

  @Override
  public List<StepView> steps() {
    return List.of(
        new StepView(
            "user-is-denied",
            ja ? "ユーザーは拒否される" : "The user is denied",
            ja
                ? "まず `dev-user` として S3 を一覧します。\n\n```sh\n$ aws s3 ls --profile dev-user\n```\n\n"
                    + "**AccessDenied** になるはずです。信頼ポリシー（trust policy）がまだないからです。"
                : "First list S3 as `dev-user`:\n\n```sh\n$ aws s3 ls --profile dev-user\n```\n\n"
                    + "It should fail with **AccessDenied**.",
            2,
            states[0],
            false,
            firstStepUnverifiable),
        new StepView(
            "trust",
            ja ? "信頼ポリシー" : "Trust policy",
            "Write `trust-policy.json`.",
            1,
            states[1],
            false),
        new StepView(
            "expire", ja ? "一時間後" : "An hour later", "Run `wait 1h`.", 0, states[2], true));
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public List<String> revealedHints(int index) {
    List<String> all =
        List.of("Use `--profile dev-user`.", "The command is `aws s3 ls --profile dev-user`.");
    return all.subList(0, Math.min(hints[index], all.size()));
  }

  @Override
  public boolean revealHint() {
    if (hints[current] >= steps().get(current).hintCount()) {
      return false;
    }
    hints[current]++;
    return true;
  }

  @Override
  public List<CheckView> lastChecks() {
    return checks;
  }

  @Override
  public boolean next() {
    if (states[current] != StepState.PASSED || current == states.length - 1) {
      return false;
    }
    current++;
    states[current] = StepState.CURRENT;
    checks = List.of();
    return true;
  }

  @Override
  public ClockView clock() {
    return clock;
  }

  @Override
  public boolean finished() {
    for (StepState s : states) {
      if (s != StepState.PASSED && s != StepState.SKIPPED) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<StepStats> stats() {
    List<StepStats> out = new ArrayList<>();
    for (int i = 0; i < states.length; i++) {
      out.add(
          new StepStats(
              steps().get(i).title(),
              states[i],
              states[i] == StepState.PASSED ? Duration.ofSeconds(95 + i) : null,
              hints[i],
              i + 1));
    }
    return out;
  }
}
