package dev.iamkata.lesson.run;

import dev.iamkata.backend.AwsClients;
import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.check.WorkspaceFiles;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Placeholders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The world a {@link LessonRunner}'s lesson starts in: the backend reset, the sandbox folder built
 * afresh and the lesson's {@link Setup} run as the admin. The folder holds {@code home/} (the
 * learner's HOME), {@code admin/} (the admin's workspace for setup), {@code admin-ACCOUNT/}
 * (another account's admin, for cross-account setup) and {@code snapshots/N/} (the home at the
 * start of step N). Owns the admin's AWS clients, which checks also use, until {@link #close()}.
 */
final class LessonSandbox implements AutoCloseable {
  private final Lesson lesson;
  private final Backend backend;
  private final CommandRunner commands;
  private final Placeholders placeholders;
  private final Path folder;
  private AwsClients clients;
  private IamClient adminIam;

  LessonSandbox(
      Lesson lesson,
      Backend backend,
      CommandRunner commands,
      Placeholders placeholders,
      Path folder) {
    this.lesson = lesson;
    this.backend = backend;
    this.commands = commands;
    this.placeholders = placeholders;
    this.folder = folder.toAbsolutePath();
  }

  /**
   * Resets the backend, empties the folder, creates the learner's and the admin's workspaces and
   * runs setup.
   *
   * @return the learner's workspace
   */
  Workspace build() throws LessonException, InterruptedException {
    try {
      backend.reset();
      // Once: a restart reuses them, so close() has one set to close.
      if (clients == null) {
        clients = AwsClients.of(backend);
        adminIam = iamOf(backend.accountId());
      }
      WorkspaceFiles.deleteTree(folder);
      Workspace learner = workspace(Files.createDirectories(folder.resolve("home")));
      Workspace admin = workspace(Files.createDirectories(folder.resolve("admin")));
      Setup setup =
          new Setup(
              lesson,
              commands,
              adminIam,
              placeholders,
              new Setup.OtherAccounts(backend::adminKey, this::iamOf, this::otherAdminHome));
      setup.prepareAdmin(admin, backend.adminKey(backend.accountId()));
      setup.run(admin, learner);
      return learner;
    } catch (BackendException | IOException | RuntimeException e) {
      throw new LessonException("cannot start " + lesson.id() + ": " + e.getMessage(), e);
    }
  }

  /** IAM signed as the lesson account's admin (valid after {@link #build()}). */
  IamClient adminIam() {
    return adminIam;
  }

  /** Where the learner's home at the start of step {@code index} is kept. */
  Path snapshotFolder(int index) {
    return folder.resolve("snapshots").resolve(Integer.toString(index));
  }

  private Workspace workspace(Path home) {
    return new Workspace(home, backend.endpoint(), backend.region());
  }

  private IamClient iamOf(String account) {
    var key = backend.adminKey(account);
    return clients.iam(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
  }

  private Path otherAdminHome(String account) {
    try {
      return Files.createDirectories(folder.resolve("admin-" + account));
    } catch (IOException e) {
      // Setup's callbacks cannot throw checked exceptions; build() turns this back into a refusal.
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (clients != null) {
      clients.close();
    }
  }
}
