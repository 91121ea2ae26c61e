package dev.iamkata.cli;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.BackendOptions;
import dev.iamkata.backend.BackendUsageException;
import dev.iamkata.backend.Backends;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kata shell}: the learner's shell, interactive or over a batch file. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "The learner's shell: aws, export, cat, heredocs, ... in a sandboxed home.",
      "It starts or attaches to the backend (--backend, --endpoint, --admin-key, settings.json);",
      "the default profile is the backend's admin. --endpoint alone, with no admin key, only",
      "points aws at that endpoint (bring your own keys)."
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

  @Mixin BackendOptions backendOptions = new BackendOptions();

  @Option(names = "--lang", paramLabel = "en|ja", description = "Language of the shell's messages.")
  String lang;

  @Override
  public Integer call() throws Exception {
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
      AccessKeyPair admin = null;
      String url = backendOptions.endpoint();
      if (freeShell(loaded)) {
        // --endpoint alone, no key anywhere: a shell at that endpoint with the learner's own keys
        Backends.uri(url);
      } else {
        backend = backendOptions.open(true);
        admin = backend.adminKey(backend.accountId());
        url = backend.endpoint();
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
    } catch (BackendUsageException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
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

  /**
   * {@code --endpoint URL} alone, without a lesson and without an admin key ({@code --admin-key},
   * {@code $KATA_ADMIN_KEY}): the shell only points its aws at the endpoint, and the learner brings
   * the keys (no backend to reset, no admin profile).
   */
  private boolean freeShell(Lesson loaded) {
    return loaded == null
        && backendOptions.endpoint() != null
        && backendOptions.backend() == null
        && backendOptions.adminKey() == null
        && System.getenv("KATA_ADMIN_KEY") == null;
  }
}
