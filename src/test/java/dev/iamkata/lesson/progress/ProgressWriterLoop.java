package dev.iamkata.lesson.progress;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A child JVM for {@link ProgressStoreTest}: writes ever-growing progress to the file given as
 * argument in a loop, printing "wrote N" after each write, until it is killed.
 */
public final class ProgressWriterLoop {
  private ProgressWriterLoop() {}

  public static void main(String[] args) throws Exception {
    ProgressStore store = new ProgressStore(Path.of(args[0]));
    for (int n = 1; ; n++) {
      int steps = n;
      store.update(
          p -> {
            Progress.Lesson l = p.lesson("big").started(Instant.EPOCH);
            for (int i = 0; i < 200; i++) {
              l =
                  l.with(
                      "step-" + steps + "-" + i,
                      new Progress.Step(StepStatus.PASSED, Instant.EPOCH, Instant.EPOCH, steps, i));
            }
            return p.with("big", l);
          });
      System.out.println("wrote " + n);
      System.out.flush();
    }
  }
}
