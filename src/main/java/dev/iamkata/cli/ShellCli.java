package dev.iamkata.cli;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.EmbeddedBackend;
import dev.iamkata.backend.ExternalBackend;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.EngineConfig;
import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.lesson.load.LessonLoadException;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.run.LessonException;
import dev.iamkata.lesson.run.LessonRunner;
import dev.iamkata.lesson.run.RealWait;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.BatchShell;
import dev.iamkata.shell.InteractiveShell;
import dev.iamkata.shell.Settings;
import dev.iamkata.shell.ShellSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kata shell}: the learner's shell, interactive or over a batch file. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "The learner's shell: aws, export, cat, heredocs, ... in a sandboxed home.",
      "Without --endpoint it starts the embedded engine; the default profile is its admin."
    })
final class ShellCli implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--lesson", paramLabel = "ID", description = "Run the shell for this lesson.")
  String lesson;

  @Option(
      names = "--batch",
      paramLabel = "FILE",
      description = "Run the lines of FILE without a terminal and exit.")
  Path batch;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "Use this running engine (or AWS-compatible endpoint) instead of starting one.")
  String endpoint;

  @Option(names = "--lang", paramLabel = "en|ja", description = "Language of the shell's messages.")
  String lang;

  @Override
  public Integer call() throws Exception {
    if (lesson != null && endpoint != null && adminKeyFromEnvironment() == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--lesson with --endpoint needs the endpoint's admin key in KATA_ADMIN_KEY=AKID:SECRET"
              + " (the lesson resets the backend and runs its setup as the admin)");
    }
    Lesson loaded = null;
    if (lesson != null) {
      try {
        loaded = LessonCatalog.locate(System.getenv()).load(lesson);
      } catch (LessonLoadException e) {
        System.err.println(e.getMessage());
        return 2;
      }
    }
    if (lang != null && !lang.matches("en|ja")) {
      throw new ParameterException(spec.commandLine(), "--lang must be en or ja");
    }
    String script = null;
    if (batch != null) {
      try {
        script = Files.readString(batch, StandardCharsets.UTF_8);
      } catch (IOException e) {
        System.err.println("kata shell: cannot read " + batch + ": " + e.getMessage());
        return 2;
      }
    }
    Path kataHome = kataHome();
    Settings settings = Settings.in(kataHome);
    Backend backend = null;
    try {
      AccessKeyPair admin;
      String url = endpoint;
      if (endpoint == null) {
        backend = EmbeddedBackend.start();
        admin = backend.adminKey(backend.accountId());
        url = backend.endpoint();
      } else {
        admin = adminKeyFromEnvironment();
        if (loaded != null) {
          // a lesson needs a backend it can reset: any endpoint, given its admin key
          backend =
              ExternalBackend.attach(
                  "external",
                  URI.create(endpoint),
                  admin,
                  EngineConfig.DEFAULT_REGION,
                  Clock.systemUTC());
        }
      }
      ShellSession.Config config =
          new ShellSession.Config(
              url,
              EngineConfig.DEFAULT_REGION,
              backend != null ? backend.accountId() : EngineConfig.DEFAULT_ACCOUNT,
              admin,
              backend,
              lesson,
              AwsModes.detect(settings),
              lang == null ? settings.get("lang") : lang);
      try (ShellSession session = ShellSession.open(config, Map.of());
          LessonRunner runner = loaded == null ? null : startLesson(loaded, backend, session)) {
        if (script != null) {
          return new BatchShell(session, System.out, System.err).run(script);
        }
        return new InteractiveShell(session, kataHome.resolve("history"), null, admin).run();
      }
    } catch (BackendException | LessonException e) {
      System.err.println("kata shell: " + e.getMessage());
      return 1;
    } finally {
      if (backend != null) {
        backend.close();
      }
    }
  }

  /** Starts the lesson: backend reset, the lesson's sandbox, its setup, the first step. */
  private LessonRunner startLesson(Lesson lesson, Backend backend, ShellSession session)
      throws LessonException, InterruptedException {
    Path home = kataHome();
    LessonRunner runner =
        new LessonRunner(
            lesson,
            backend,
            session.runner(),
            LessonRunner.sandboxFor(home, lesson.id()),
            ProgressStore.at(home),
            Clock.systemUTC());
    // the learner typed `wait`: where the clock cannot jump, the shell waits for real
    runner.realWait(RealWait.real(System.err, System.console() != null));
    session.attachLesson(runner); // listens before start, so the first step is announced
    runner.start();
    if (runner.waitsInRealTime() && lesson.steps().stream().anyMatch(s -> s.clock() != null)) {
      System.err.println(
          "kata shell: the "
              + backend.name()
              + " backend honours session expiry but its clock cannot be moved: aws sts"
              + " assume-role asks for 15-minute sessions (--duration-seconds 900) and `wait`"
              + " waits them out in real time, with a countdown.");
    }
    return runner;
  }

  /** {@code $IAM_KATA_HOME}, else {@code ~/.iam-kata}. */
  static Path kataHome() {
    String set = System.getenv("IAM_KATA_HOME");
    return set != null && !set.isBlank()
        ? Path.of(set)
        : Path.of(System.getProperty("user.home"), ".iam-kata");
  }

  /** {@code KATA_ADMIN_KEY=AKID:SECRET}, the way {@code kata clock advance} takes it; or null. */
  private static AccessKeyPair adminKeyFromEnvironment() {
    String key = System.getenv("KATA_ADMIN_KEY");
    if (key == null || !key.contains(":")) {
      return null;
    }
    int colon = key.indexOf(':');
    return new AccessKeyPair(key.substring(0, colon), key.substring(colon + 1));
  }
}
