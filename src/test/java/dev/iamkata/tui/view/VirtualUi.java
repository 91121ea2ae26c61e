package dev.iamkata.tui.view;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.i18n.Messages;
import dev.iamkata.tui.i18n.Settings;
import dev.iamkata.tui.model.LessonSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The UI on Lanterna's virtual terminal, driven key by key, read back as text. */
final class VirtualUi {
  final DefaultVirtualTerminal terminal;
  final TerminalScreen screen;
  final App app;
  final UiContext ctx;
  final FakeCurriculum curriculum = new FakeCurriculum();
  final Settings settings;
  int shellRuns;
  Consumer<FakeSession> shellAction = s -> {};

  VirtualUi(Path home, Language language, int cols, int rows, Palette palette) throws IOException {
    terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
    screen = new TerminalScreen(terminal);
    screen.startScreen();
    settings = new Settings(home.resolve("settings.json"));
    ShellPort shell =
        new ShellPort() {
          @Override
          public void run(LessonSession session) {
            shellRuns++;
            shellAction.accept((FakeSession) session);
          }

          @Override
          public boolean available() {
            return true;
          }
        };
    ctx = new UiContext(curriculum, settings, language, ZoneOffset.UTC, shell);
    app = new App(screen, palette, () -> ctx.t("screen.toosmall"));
  }

  VirtualUi(Path home, Language language) throws IOException {
    this(home, language, 80, 24, Palette.COLOR);
  }

  void start(View view) throws IOException {
    app.reset(view);
    app.step();
  }

  VirtualUi type(String text) throws IOException {
    for (char c : text.toCharArray()) {
      terminal.addInput(new KeyStroke(c, false, false));
    }
    app.step();
    return this;
  }

  VirtualUi key(KeyType type) throws IOException {
    terminal.addInput(new KeyStroke(type));
    app.step();
    return this;
  }

  VirtualUi resize(int cols, int rows) throws IOException {
    terminal.setTerminalSize(new TerminalSize(cols, rows));
    app.step();
    return this;
  }

  /** The screen as lines of text (a double-width character counted once). */
  List<String> lines() {
    TerminalSize size = terminal.getTerminalSize();
    List<String> out = new ArrayList<>();
    for (int r = 0; r < size.getRows(); r++) {
      StringBuilder b = new StringBuilder();
      for (int c = 0; c < size.getColumns(); c++) {
        TextCharacter tc = terminal.getCharacter(c, r);
        b.append(tc.getCharacterString());
        if (tc.isDoubleWidth()) {
          c++;
        }
      }
      out.add(b.toString().stripTrailing());
    }
    return out;
  }

  String text() {
    return String.join("\n", lines());
  }

  /** The character cell where {@code needle} first appears. */
  TextCharacter cellOf(String needle) {
    List<String> lines = lines();
    for (int r = 0; r < lines.size(); r++) {
      int i = lines.get(r).indexOf(needle);
      if (i >= 0) {
        int col = dev.iamkata.tui.text.CharWidth.of(lines.get(r).substring(0, i));
        return terminal.getCharacter(col, r);
      }
    }
    throw new AssertionError("not on screen: " + needle + "\n" + text());
  }

  Messages messages() {
    return ctx.messages();
  }
}
