package dev.iamkata.lesson.check;

import dev.iamkata.backend.Capabilities;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.model.Placeholders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * What a check may look at.
 *
 * @param stepCommands the learner's command lines in this step, in order
 * @param workspace the learner's environment (probes run in a copy of it)
 * @param runner runs probe commands
 * @param placeholders the backend's account and region
 * @param adminIam an IAM client signed with the backend's admin key (state checks)
 * @param lessonFolder the lesson's folder (policy-equals files)
 * @param capabilities what the backend enforces
 * @param backendName for SKIPPED texts
 * @param defaultTimeout a check's limit unless its expect says otherwise
 * @param realWaitAllowed whether an expiry check may rest on a real wait where the backend's clock
 *     cannot be moved ({@code --real-wait}, the interactive shell)
 */
public record CheckContext(
    List<CommandResult> stepCommands,
    Workspace workspace,
    CommandRunner runner,
    Placeholders placeholders,
    IamClient adminIam,
    Path lessonFolder,
    Capabilities capabilities,
    String backendName,
    Duration defaultTimeout,
    boolean realWaitAllowed) {

  public CheckContext {
    stepCommands = List.copyOf(stepCommands);
  }

  /** A context that allows no real wait. */
  public CheckContext(
      List<CommandResult> stepCommands,
      Workspace workspace,
      CommandRunner runner,
      Placeholders placeholders,
      IamClient adminIam,
      Path lessonFolder,
      Capabilities capabilities,
      String backendName,
      Duration defaultTimeout) {
    this(
        stepCommands,
        workspace,
        runner,
        placeholders,
        adminIam,
        lessonFolder,
        capabilities,
        backendName,
        defaultTimeout,
        false);
  }
}
