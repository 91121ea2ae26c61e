package dev.iamkata.tui.view;

/** What a view may ask the app to do. */
public interface Nav {

  /** Shows {@code view} over the current one. */
  void push(View view);

  /** Closes the top view. */
  void pop();

  /** Replaces the top view. */
  void replace(View view);

  /** Replaces every view with {@code view}. */
  void reset(View view);

  /**
   * Runs {@code task} on the UI thread once the current frame is on the terminal: slow work (a
   * lesson starting its backend) first shows a "please wait" line.
   */
  void afterDraw(Runnable task);

  /** Leaves the UI. */
  void quit();

  /**
   * Stops the full screen, runs {@code task} with the terminal handed over (the shell), then
   * restarts the screen and redraws.
   */
  void handOver(HandOver task);

  /** Work done while the screen is stopped. */
  interface HandOver {
    void run() throws Exception;
  }
}
