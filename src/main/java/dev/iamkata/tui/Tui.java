package dev.iamkata.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.lesson.model.Placeholders;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.tui.adapt.LessonCurriculum;
import dev.iamkata.tui.adapt.LessonShell;
import dev.iamkata.tui.adapt.LiveSessions;
import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.i18n.Messages;
import dev.iamkata.tui.i18n.Settings;
import dev.iamkata.tui.model.Curriculum;
import dev.iamkata.tui.view.App;
import dev.iamkata.tui.view.CatalogView;
import dev.iamkata.tui.view.Palette;
import dev.iamkata.tui.view.UiContext;
import dev.iamkata.tui.view.View;
import dev.iamkata.tui.view.WelcomeView;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * Starts the full-screen UI on the process's terminal and always gives the terminal back as it was:
 * on a normal exit, an exception (try/finally) and Ctrl-C or a signal (a shutdown hook). An
 * exception is logged to {@code $IAM_KATA_HOME/tui-error.log} and reported in one line, never as a
 * stack trace on the learner's screen.
 */
public final class Tui {
  /**
   * Embedded engine defaults, used for placeholders until a backend says otherwise; the engine's
   * port is not known before it starts, so a preview shows {@code PORT}.
   */
  private static final Placeholders EMBEDDED =
      Placeholders.of("123456789012", "210987654321", "us-east-1", "http://127.0.0.1:PORT");

  /**
   * @param lang {@code --lang}, or null
   * @param exitAfterFirstFrame quit as soon as the catalog is on screen and report how long that
   *     took after process start (the startup benchmark)
   * @param backendName the backend's name for the welcome screen ({@code embedded}, ...)
   * @param backend opens that backend
   * @param home where progress, history and the error log go (a workshop learner's own directory),
   *     or null for {@code $IAM_KATA_HOME}
   * @param attach what each lesson runner gets besides the backend (a workshop's reporter and
   *     instructor gate)
   */
  public record Options(
      String lang,
      boolean exitAfterFirstFrame,
      String backendName,
      LiveSessions.Opener backend,
      Path home,
      LiveSessions.Attach attach) {
    /** Lessons as they run locally. */
    public Options(
        String lang, boolean exitAfterFirstFrame, String backendName, LiveSessions.Opener backend) {
      this(lang, exitAfterFirstFrame, backendName, backend, null, LiveSessions.Attach.NONE);
    }
  }

  private Tui() {}

  /** Runs the UI; returns the process exit code. */
  public static int run(Options options, Map<String, String> env, PrintStream err) {
    Settings settings = Settings.fromEnvironment(env);
    boolean firstRun = settings.language().isEmpty();
    Language language = Language.choose(options.lang(), settings.language(), env);
    Path home = options.home() != null ? options.home() : ProgressStore.home(env);
    ProgressStore progress = ProgressStore.at(home);
    LiveSessions sessions =
        new LiveSessions(home, progress, Clock.systemUTC(), options.backend(), options.attach());
    Curriculum curriculum =
        new LessonCurriculum(
                LessonCatalog.locate(env), progress, EMBEDDED, options.backendName(), sessions)
            .prefetch();
    UiContext[] holder = new UiContext[1];
    Palette palette = Palette.forEnvironment(env);
    LessonShell shell =
        new LessonShell(
            home.resolve("history"),
            () -> holder[0].messages(),
            ZoneId.systemDefault(),
            palette == Palette.COLOR);
    UiContext ctx = new UiContext(curriculum, settings, language, ZoneId.systemDefault(), shell);
    holder[0] = ctx;
    Restorer restorer = new Restorer();
    Thread hook = new Thread(restorer::restore, "iam-kata-tui-restore");
    Runtime.getRuntime().addShutdownHook(hook);
    long[] firstFrameMs = {-1};
    AutoCloseable announcing = null;
    try {
      Terminal terminal =
          new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
              .setForceTextTerminal(true)
              .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
              .createTerminal();
      TerminalScreen screen = new TerminalScreen(terminal);
      restorer.set(screen, terminal, shell);
      announcing = options.attach().announce(shell::say);
      screen.startScreen();
      App app = new App(screen, palette, () -> ctx.t("screen.toosmall"));
      if (options.exitAfterFirstFrame()) {
        app.onFrame(
            () -> {
              if (app.top() instanceof CatalogView && firstFrameMs[0] < 0) {
                firstFrameMs[0] = sinceProcessStart();
                app.quit();
              }
            });
      }
      View first =
          firstRun && !options.exitAfterFirstFrame() ? new WelcomeView(ctx) : new CatalogView(ctx);
      app.run(first);
      return 0;
    } catch (Exception | Error e) {
      restorer.restore();
      err.println(Messages.of(language).get("error.internal", e, log(home, e)));
      return 1;
    } finally {
      restorer.restore();
      closeQuietly(announcing);
      sessions.close();
      removeHook(hook);
      if (firstFrameMs[0] >= 0) {
        err.println("iam-kata tui: first frame " + firstFrameMs[0] + " ms after process start");
      }
    }
  }

  /**
   * Milliseconds since {@code $KATA_BENCH_T0} (epoch nanoseconds, set by {@code bench/tui-bench}
   * just before it starts the process), else since the process start the OS reports (coarse).
   */
  private static long sinceProcessStart() {
    Instant now = Clock.systemUTC().instant();
    String t0 = System.getenv("KATA_BENCH_T0");
    if (t0 != null && t0.matches("\\d+")) {
      long nanos = Long.parseLong(t0);
      Instant start = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
      return Duration.between(start, now).toMillis();
    }
    Instant start = ProcessHandle.current().info().startInstant().orElse(null);
    return start == null ? -1 : Duration.between(start, now).toMillis();
  }

  /**
   * Draws the start screen and the catalog once on a virtual terminal, no TTY needed: the launcher
   * runs this with {@code -XX:ArchiveClassesAtExit} to record the classes the UI's first frames
   * load into a class-data-sharing archive.
   */
  public static int train(Map<String, String> env) {
    try {
      Path home = Files.createTempDirectory("kata-cds-");
      ProgressStore progress = ProgressStore.at(home);
      Curriculum curriculum =
          new LessonCurriculum(
              LessonCatalog.locate(env),
              progress,
              EMBEDDED,
              "embedded",
              LessonCurriculum.readers(EMBEDDED, Clock.systemUTC()));
      UiContext ctx =
          new UiContext(
              curriculum,
              new Settings(home.resolve("settings.json")),
              Language.EN,
              ZoneId.systemDefault(),
              new LessonShell(home.resolve("history"), () -> null, ZoneId.systemDefault(), false));
      DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
      TerminalScreen screen = new TerminalScreen(vt);
      screen.startScreen();
      App app = new App(screen, Palette.COLOR, () -> ctx.t("screen.toosmall"));
      app.reset(new WelcomeView(ctx));
      app.step();
      app.reset(new CatalogView(ctx));
      app.step();
      screen.stopScreen();
      Files.deleteIfExists(home); // nothing was written in it: the training only reads
      return 0;
    } catch (IOException | RuntimeException e) {
      return 1;
    }
  }

  private static Path log(Path home, Throwable e) {
    Path file = home.resolve("tui-error.log");
    try {
      Files.createDirectories(home);
      StringWriter w = new StringWriter();
      e.printStackTrace(new PrintWriter(w));
      Files.writeString(file, w.toString());
    } catch (IOException ignored) {
      // The one-line report still names the file; nothing more can be done here.
    }
    return file;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // stopping a watcher: nothing the learner needs to hear of at exit
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting; the hook runs (and finds nothing left to do).
    }
  }

  /**
   * Closes the shell's terminal, stops the screen and closes Lanterna's terminal once, whoever
   * calls first, in that order (each puts back the modes it found).
   */
  private static final class Restorer {
    private TerminalScreen screen;
    private Terminal terminal;
    private AutoCloseable shell;

    synchronized void set(TerminalScreen screen, Terminal terminal, AutoCloseable shell) {
      this.screen = screen;
      this.terminal = terminal;
      this.shell = shell;
    }

    synchronized void restore() {
      try {
        if (shell != null) {
          shell.close();
        }
      } catch (Exception ignored) {
        // Lanterna's close below still restores the learner's terminal modes.
      }
      try {
        if (screen != null) {
          screen.stopScreen();
        }
      } catch (IOException | RuntimeException ignored) {
        // Closing the terminal below still resets its modes.
      }
      try {
        if (terminal != null) {
          terminal.close();
        }
      } catch (IOException | RuntimeException ignored) {
        // Nothing left to restore.
      }
      screen = null;
      terminal = null;
      shell = null;
    }
  }
}
