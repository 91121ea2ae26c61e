package dev.iamkata.lesson.check;

import dev.iamkata.lesson.AwsCall;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Expect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code probe}: runs a command in a throw-away copy of the learner's workspace (same files,
 * variables and profiles), so nothing the probe does reaches the learner's state.
 */
final class ProbeCheck {
  private ProbeCheck() {}

  static Verdict evaluate(Check.Spec.Probe spec, Expect expect, CheckContext ctx)
      throws IOException, InterruptedException {
    Path copyHome = Files.createTempDirectory("iam-kata-probe-");
    try {
      Workspace copy = WorkspaceFiles.copyOf(ctx.workspace(), copyHome.resolve("home"));
      String line = ctx.placeholders().apply(spec.run());
      CommandResult r = ctx.runner().run(line, copy);
      String code = null;
      for (AwsCall call : r.awsCalls()) {
        if (call.errorCode() != null) {
          code = call.errorCode();
        }
      }
      if (code == null) {
        code = CommandExpect.errorCode(r.stderr());
      }
      return CommandExpect.judge(
          expect, line, r.exitCode(), code, r.stdout(), r.stderr(), ctx.placeholders());
    } finally {
      WorkspaceFiles.deleteTree(copyHome);
    }
  }
}
