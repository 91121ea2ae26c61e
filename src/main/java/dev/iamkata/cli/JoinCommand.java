package dev.iamkata.cli;

import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.lesson.load.LessonLoadException;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.run.LessonException;
import dev.iamkata.lesson.run.LessonRunner;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.BatchShell;
import dev.iamkata.shell.InteractiveShell;
import dev.iamkata.shell.LineGate;
import dev.iamkata.shell.Settings;
import dev.iamkata.shell.ShellSession;
import dev.iamkata.tui.Tui;
import dev.iamkata.tui.adapt.LiveSessions;
import dev.iamkata.workshop.InstructorGate;
import dev.iamkata.workshop.JoinedTokens;
import dev.iamkata.workshop.ProgressReporter;
import dev.iamkata.workshop.WorkshopBackend;
import dev.iamkata.workshop.WorkshopClient;
import dev.iamkata.workshop.WorkshopException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kata join}: take part in a workshop from this terminal. */
@Command(
    name = "join",
    mixinStandardHelpOptions = true,
    description = {
      "Join a workshop: get your own AWS accounts on the instructor's engine and run the lesson",
      "here, in the shell, with your progress shown on the instructor's dashboard."
    })
final class JoinCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "HOST:PORT", description = "The workshop server.")
  String server;

  @Parameters(index = "1", paramLabel = "CODE", description = "The join code the instructor shows.")
  String code;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Your name.")
  String name;

  @Option(
      names = "--lesson",
      paramLabel = "ID",
      description = "The lesson (default: the workshop's).")
  String lesson;

  @Option(
      names = "--batch",
      paramLabel = "FILE",
      description = "Run the lines of FILE without a terminal, like kata shell --batch.")
  Path batch;

  @Option(names = "--lang", paramLabel = "en|ja", description = "Language of the shell's messages.")
  String lang;

  @Option(
      names = "--ui",
      description =
          "Open the full-screen UI (as ./kata does) on the workshop instead of the shell.")
  boolean ui;

  @Override
  public Integer call() throws Exception {
    String script = null;
    if (ui && (batch != null || System.console() == null)) {
      System.err.println(
          "kata join: --ui needs a terminal"
              + (batch != null ? " and cannot be used with --batch" : ""));
      return 2;
    }
    if (batch != null) {
      try {
        script = Files.readString(batch, StandardCharsets.UTF_8);
      } catch (IOException e) {
        System.err.println("kata join: cannot read " + batch + ": " + e.getMessage());
        return 2;
      }
    }
    WorkshopClient client;
    WorkshopClient.Rejoined rejoined;
    JoinedTokens tokens =
        new JoinedTokens(ShellCli.kataHome().resolve("workshops").resolve("joined"));
    try {
      client = new WorkshopClient(server);
      rejoined = client.join(code, name, lesson, tokens.token(server, code, name));
    } catch (IllegalArgumentException e) {
      System.err.println("kata join: " + e.getMessage());
      return 2;
    } catch (WorkshopException e) {
      System.err.println("kata join: the workshop refused: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      System.err.println("kata join: no workshop answered at " + server + ": " + e.getMessage());
      return 1;
    }
    WorkshopClient.Joined joined = rejoined.joined();
    try {
      tokens.save(server, code, name, joined);
    } catch (IOException e) {
      System.err.println(
          "kata join: could not keep the token (joining again will not resume): " + e.getMessage());
    }
    if (joined.lesson() == null) {
      System.err.println("kata join: the workshop has no lesson set; pass --lesson ID");
      return 2;
    }
    Lesson loaded;
    try {
      loaded = LessonCatalog.locate(System.getenv()).load(joined.lesson());
    } catch (LessonLoadException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    System.out.println(
        (rejoined.resumed() ? "joined again as " : "joined as ")
            + name
            + ": account "
            + joined.account()
            + " (and "
            + joined.secondAccount()
            + ")");
    Path home = ShellCli.kataHome().resolve("workshop").resolve(joined.learner());
    Settings settings = Settings.in(ShellCli.kataHome());
    WorkshopBackend backend = new WorkshopBackend(joined, client);
    AccessKeyPair admin = backend.adminKey(backend.accountId());
    ShellSession.Config config =
        new ShellSession.Config(
            joined.endpoint(),
            joined.region(),
            backend.accountId(),
            admin,
            backend,
            loaded.id(),
            AwsModes.detect(settings),
            lang == null ? settings.get("lang") : lang);
    ProgressReporter reporter = new ProgressReporter(client, System.err);
    if (ui) {
      return Tui.run(
          new Tui.Options(
              lang,
              false,
              "workshop " + server,
              () -> backend,
              home,
              new LiveSessions.Attach() {
                private boolean resumed;

                @Override
                public LineGate gate(LessonRunner runner) {
                  runner.addListener(reporter);
                  return new InstructorGate(runner, reporter::takeActions);
                }

                @Override
                public AutoCloseable announce(Consumer<String> say) {
                  return reporter.watch(say);
                }

                @Override
                public void start(LessonRunner runner)
                    throws LessonException, InterruptedException {
                  // once, for the workshop's lesson: later openings start as they do locally
                  if (rejoined.resumed() && !resumed && runner.lesson().id().equals(loaded.id())) {
                    resumed = true;
                    resume(runner, reporter, rejoined, null);
                  } else {
                    runner.start();
                  }
                }
              }),
          System.getenv(),
          System.err);
    }
    try (ShellSession session = ShellSession.open(config, Map.of());
        LessonRunner runner =
            new LessonRunner(
                loaded,
                backend,
                session.runner(),
                LessonRunner.sandboxFor(home, loaded.id()),
                ProgressStore.at(home),
                Clock.systemUTC())) {
      runner.addListener(reporter);
      session.attachLesson(runner);
      session.setLineGate(new InstructorGate(runner, reporter::takeActions));
      if (rejoined.resumed()) {
        resume(runner, reporter, rejoined, System.out);
      } else {
        runner.start();
      }
      if (script != null) {
        return new BatchShell(session, System.out, System.err).run(script);
      }
      InteractiveShell shell = new InteractiveShell(session, home.resolve("history"), null, admin);
      try (AutoCloseable watching = reporter.watch(shell::say)) {
        return shell.run();
      }
    } catch (LessonException e) {
      System.err.println("kata join: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Puts a rejoining learner back at the step the server has for them: the lesson starts again and
   * the steps before are done by their solutions, unreported (the server keeps what it had).
   *
   * @param out where to say so, or null (the full-screen UI shows the step itself)
   */
  private static void resume(
      LessonRunner runner,
      ProgressReporter reporter,
      WorkshopClient.Rejoined rejoined,
      PrintStream out)
      throws LessonException, InterruptedException {
    int steps = runner.lesson().steps().size();
    int step = Math.max(1, Math.min(rejoined.step(), steps));
    reporter.mute(true);
    try {
      runner.start();
      runner.jumpTo(step - 1);
    } finally {
      reporter.mute(false);
    }
    if (out == null) {
      return;
    }
    out.println(
        "resumed at step "
            + step
            + " of "
            + steps
            + (step > 1 ? " (the steps before it redone by their solutions)" : "")
            + " / ステップ "
            + step
            + " から再開します");
  }
}
