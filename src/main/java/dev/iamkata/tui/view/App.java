package dev.iamkata.tui.view;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.iamkata.tui.text.Style;
import dev.iamkata.tui.text.Wrapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The view stack and the UI thread. The thread that calls {@link #run} is the UI thread: it reads
 * keys, notices resizes, runs work posted with {@link #invokeLater} (runner events from other
 * threads) and redraws; views are only touched there. {@link #step} is one turn of that loop, so
 * tests drive the UI key by key on a virtual terminal.
 */
public final class App implements Nav {
  /** The smallest terminal the screens are laid out for. */
  public static final int MIN_COLUMNS = 80;

  public static final int MIN_ROWS = 24;

  private final Screen screen;
  private final Palette palette;
  private final Supplier<String> tooSmall;
  private final Deque<View> stack = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final List<Runnable> afterDraw = new ArrayList<>();
  private boolean running = true;
  private boolean dirty = true;
  private Runnable onFrame = () -> {};

  /**
   * @param tooSmall the message shown below 80×24, with {0} {1} for the current columns and rows
   */
  public App(Screen screen, Palette palette, Supplier<String> tooSmall) {
    this.screen = screen;
    this.palette = palette;
    this.tooSmall = tooSmall;
  }

  /** Called after each frame is on the terminal (the startup benchmark waits for the first). */
  public void onFrame(Runnable callback) {
    this.onFrame = callback;
  }

  /** Runs the UI until a view quits, on the calling thread. */
  public void run(View first) throws IOException {
    reset(first);
    while (running) {
      if (!step()) {
        try {
          Thread.sleep(15);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** One turn of the loop: pending keys, a resize, posted work, then a redraw if needed. */
  public boolean step() throws IOException {
    boolean worked = false;
    if (screen.doResizeIfNecessary() != null) {
      dirty = true;
    }
    KeyStroke key;
    while (running && (key = screen.pollInput()) != null) {
      worked = true;
      dispatch(key);
    }
    Runnable task;
    while ((task = tasks.poll()) != null) {
      worked = true;
      task.run();
      dirty = true;
    }
    if (dirty && running) {
      draw();
    }
    while (!afterDraw.isEmpty() && running) {
      List<Runnable> now = new ArrayList<>(afterDraw);
      afterDraw.clear();
      now.forEach(Runnable::run);
      draw();
      worked = true;
    }
    return worked;
  }

  /** Posts work to the UI thread (safe from any thread). */
  public void invokeLater(Runnable task) {
    tasks.add(task);
  }

  public boolean running() {
    return running;
  }

  /** The view on top, for tests. */
  public View top() {
    return stack.peek();
  }

  private void dispatch(KeyStroke key) {
    if (key.getKeyType() == KeyType.EOF
        || key.getKeyType() == KeyType.Character
            && key.isCtrlDown()
            && Character.toLowerCase(key.getCharacter()) == 'c') {
      quit();
      return;
    }
    View top = stack.peek();
    if (top != null && !tooSmall()) {
      top.onKey(key, this);
    }
    dirty = true;
  }

  private boolean tooSmall() {
    TerminalSize s = screen.getTerminalSize();
    return s.getColumns() < MIN_COLUMNS || s.getRows() < MIN_ROWS;
  }

  private void draw() throws IOException {
    dirty = false;
    screen.clear();
    Canvas canvas = new Canvas(screen.newTextGraphics(), palette);
    if (tooSmall()) {
      String msg =
          tooSmall
              .get()
              .replace("{0}", Integer.toString(canvas.width()))
              .replace("{1}", Integer.toString(canvas.height()));
      canvas.lines(0, Wrapper.wrap(msg, Style.WARN, Math.max(1, canvas.width())));
    } else {
      List<View> visible = new ArrayList<>();
      for (View v : stack) {
        visible.add(0, v);
        if (!v.overlay()) {
          break;
        }
      }
      for (View v : visible) {
        v.draw(canvas);
      }
    }
    screen.setCursorPosition(null);
    screen.refresh(Screen.RefreshType.DELTA);
    onFrame.run();
  }

  @Override
  public void push(View view) {
    stack.push(view);
    dirty = true;
  }

  @Override
  public void pop() {
    if (stack.size() > 1) {
      stack.pop();
    }
    dirty = true;
  }

  @Override
  public void replace(View view) {
    stack.poll();
    stack.push(view);
    dirty = true;
  }

  @Override
  public void reset(View view) {
    stack.clear();
    stack.push(view);
    dirty = true;
  }

  @Override
  public void afterDraw(Runnable task) {
    afterDraw.add(task);
  }

  @Override
  public void quit() {
    running = false;
  }

  @Override
  public void handOver(HandOver task) {
    try {
      screen.stopScreen();
      try {
        task.run();
      } finally {
        screen.startScreen();
        screen.refresh(Screen.RefreshType.COMPLETE);
        dirty = true;
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
