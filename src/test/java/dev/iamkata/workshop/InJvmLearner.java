package dev.iamkata.workshop;

import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.run.LessonRunner;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.BuiltinAwsExecutor;
import dev.iamkata.shell.ShellSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A learner's client in the test's JVM, wired as {@code kata join} wires it: the shell session, the
 * lesson runner on a {@link WorkshopBackend}, the progress reporter and the instructor gate in
 * front of every line.
 */
final class InJvmLearner implements AutoCloseable {
  final WorkshopClient client;
  final WorkshopClient.Joined joined;
  final LessonRunner runner;
  final ProgressReporter reporter;
  private final BuiltinAwsExecutor aws = new BuiltinAwsExecutor();
  private final ShellSession session;

  InJvmLearner(String server, String code, String name, Lesson lesson, Path dir) throws Exception {
    client = new WorkshopClient(server);
    joined = client.join(code, name, lesson.id());
    WorkshopBackend backend = new WorkshopBackend(joined, client);
    session =
        ShellSession.open(
            new ShellSession.Config(
                backend.endpoint(),
                backend.region(),
                backend.accountId(),
                backend.adminKey(backend.accountId()),
                backend,
                lesson.id(),
                new AwsModes(List.of(aws), null),
                "en"),
            Map.of());
    runner =
        new LessonRunner(
            lesson, backend, session.runner(), dir.resolve(name), null, Clock.systemUTC());
    reporter = new ProgressReporter(client, System.err);
    runner.addListener(reporter);
    session.attachLesson(runner);
    session.setLineGate(new InstructorGate(runner, reporter::takeActions));
    runner.start();
    credentials();
  }

  /** The lessons used here have no setup: the learner works with their own admin key. */
  void credentials() throws Exception {
    AccessKeyPair key = AccessKeyPair.parse(joined.adminKey());
    runner.run("export AWS_ACCESS_KEY_ID=" + key.accessKeyId());
    runner.run("export AWS_SECRET_ACCESS_KEY=" + key.secretAccessKey());
  }

  /** An empty line at the prompt (Enter): what the session shows. */
  String enter() throws Exception {
    return session.idle();
  }

  /** A line as the learner types it at the prompt. */
  CommandResult line(String line) throws Exception {
    return session.run(line);
  }

  @Override
  public void close() throws Exception {
    runner.close();
    session.close();
    aws.close();
  }
}
