package dev.iamkata.shell;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code aws.mode} setting: which {@link AwsExecutor} runs {@code aws} commands. The default is
 * the built-in aws when it is available, else the system one; {@code aws-mode NAME} switches and
 * remembers the choice in the settings file.
 */
public final class AwsModes {
  /** The settings key. */
  public static final String KEY = "aws.mode";

  private final Map<String, AwsExecutor> available = new LinkedHashMap<>();
  private final Settings settings;
  private AwsExecutor current;

  /**
   * @param executors the executors available, preferred first
   * @param settings where the choice is remembered; null for nowhere
   */
  public AwsModes(List<AwsExecutor> executors, Settings settings) {
    executors.forEach(e -> available.put(e.name(), e));
    this.settings = settings;
    String saved = settings == null ? null : settings.get(KEY);
    current =
        saved != null && available.containsKey(saved)
            ? available.get(saved)
            : executors.isEmpty() ? null : executors.get(0);
  }

  /** The built-in aws first, then the aws CLI from PATH when there is one. */
  public static AwsModes detect(Settings settings) {
    List<AwsExecutor> executors = new java.util.ArrayList<>();
    executors.add(new BuiltinAwsExecutor());
    SystemAws system = SystemAws.onPath();
    if (system != null) {
      executors.add(system);
    }
    return new AwsModes(executors, settings);
  }

  /** The executor in use, or null when none is available. */
  public AwsExecutor current() {
    return current;
  }

  public List<String> names() {
    return List.copyOf(available.keySet());
  }

  /**
   * Switches to {@code name} and saves it.
   *
   * @throws IllegalArgumentException when no such executor is available
   */
  public void select(String name) throws IOException {
    AwsExecutor e = available.get(name);
    if (e == null) {
      throw new IllegalArgumentException(name);
    }
    current = e;
    if (settings != null) {
      settings.set(KEY, name);
    }
  }
}
