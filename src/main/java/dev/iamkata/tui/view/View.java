package dev.iamkata.tui.view;

import com.googlecode.lanterna.input.KeyStroke;

/** One screen or dialog. Both methods run on the UI thread. */
public interface View {

  /** Draws the whole view on {@code canvas}; called after every change and on resize. */
  void draw(Canvas canvas);

  /** Reacts to a key; navigation goes through {@code nav}. */
  void onKey(KeyStroke key, Nav nav);

  /** Whether the views under this one stay visible (a dialog over its screen). */
  default boolean overlay() {
    return false;
  }
}
