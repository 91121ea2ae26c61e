package dev.iamkata.grade;

import dev.iamkata.shell.ScriptLines;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A grader for the command's tests: lesson {@code demo} has two steps, each with one check that
 * passes when the script ran its command ({@code aws s3 ls}, then {@code aws sts
 * get-caller-identity}) while the step was current. Any other lesson is unknown.
 */
final class FakeGrader implements Grader {
  static final List<String> SOLUTION = List.of("aws s3 ls", "aws sts get-caller-identity");
  final List<GradeRequest> requests = new ArrayList<>();

  @Override
  public GradeReport grade(GradeRequest request) throws GradeInputException {
    if (!request.lessonId().equals("demo")) {
      throw new GradeInputException("unknown lesson '" + request.lessonId() + "'");
    }
    requests.add(request);
    List<StepReport> steps = new ArrayList<>();
    int current = 0;
    Integer[] passedAt = new Integer[SOLUTION.size()];
    for (ScriptLines.Entry e : request.entries()) {
      if (current < SOLUTION.size()
          && e.text().strip().replaceAll("\\s+", " ").equals(SOLUTION.get(current))) {
        passedAt[current++] = e.line();
      }
    }
    for (int i = 0; i < SOLUTION.size(); i++) {
      boolean reached = i <= current;
      Status status = passedAt[i] != null ? Status.PASS : Status.FAIL;
      String message =
          status == Status.PASS
              ? null
              : reached
                  ? "you did not run " + SOLUTION.get(i)
                  : GradeMessages.get(request.lang(), GradeMessages.Key.NOT_REACHED);
      steps.add(
          new StepReport(
              i + 1,
              "step-" + (i + 1),
              "Step " + (i + 1),
              reached,
              passedAt[i],
              0,
              Duration.ZERO,
              List.of(
                  new CheckReport(
                      "learner-ran",
                      SOLUTION.get(i),
                      status,
                      SOLUTION.get(i),
                      null,
                      message,
                      Duration.ZERO,
                      null))));
    }
    Instant t = Reports.START;
    return new GradeReport(
        "demo",
        "Demo",
        request.lang(),
        "fake",
        request.learner(),
        request.script(),
        t,
        t.plusMillis(10),
        steps);
  }
}
