package dev.iamkata.backend;

import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The picocli mixin for {@code --backend}, {@code --endpoint} and {@code --admin-key}, for every
 * command that needs AWS ({@code @Mixin BackendOptions backend;} then {@code backend.open()}).
 * Without flags the choice in {@code $IAM_KATA_HOME/settings.json} applies, else the embedded
 * engine.
 */
public class BackendOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description =
          "Where AWS calls go: embedded (the default), localstack or external; the default"
              + " comes from $IAM_KATA_HOME/settings.json when it names one.")
  String backend;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "The endpoint of --backend external (moto_server, another 'kata engine') or of a"
              + " running LocalStack, e.g. http://localhost:4566.")
  String endpoint;

  @Option(
      names = "--admin-key",
      paramLabel = "AKID:SECRET",
      description =
          "The endpoint's admin key (default: $KATA_ADMIN_KEY, else for external"
              + " $AWS_ACCESS_KEY_ID and $AWS_SECRET_ACCESS_KEY; LocalStack: its root).")
  String adminKey;

  private Map<String, String> env = System.getenv();
  private Clock clock = Clock.systemUTC();

  /** For tests: the environment and clock the backend sees. */
  public BackendOptions withEnvironment(Map<String, String> environment, Clock realClock) {
    this.env = environment;
    this.clock = realClock;
    return this;
  }

  /** The backend name as given, or null. */
  public String backend() {
    return backend;
  }

  /** The endpoint as given, or null. */
  public String endpoint() {
    return endpoint;
  }

  /** The admin key as given, or null. */
  public String adminKey() {
    return adminKey;
  }

  /** Whether any of {@code --backend}, {@code --endpoint}, {@code --admin-key} was given. */
  public boolean given() {
    return backend != null || endpoint != null || adminKey != null;
  }

  /**
   * The backend {@link #open()} would open: {@code --backend}, else the one the settings name, else
   * {@code embedded}.
   *
   * @throws ParameterException when the settings file is unreadable
   */
  public String chosen() {
    if (backend != null) {
      return backend;
    }
    try {
      String named = BackendSettings.load(BackendSettings.home(env)).name();
      return named != null ? named : Backends.NAMES.get(0);
    } catch (BackendUsageException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage(), e);
    }
  }

  /**
   * Opens the chosen backend.
   *
   * @throws ParameterException for options that do not fit together (picocli prints the usage error
   *     and exits 2)
   * @throws BackendException when the backend could not start or answer
   */
  public Backend open() throws BackendException {
    return open(false);
  }

  /**
   * Opens the chosen backend; with {@code endpointMeansExternal}, {@code --endpoint} without {@code
   * --backend} means {@code --backend external} (or the settings' {@code localstack}), for commands
   * that took an endpoint before there were backends ({@code kata shell}, {@code kata clock}).
   */
  public Backend open(boolean endpointMeansExternal) throws BackendException {
    try {
      BackendSettings settings = BackendSettings.load(BackendSettings.home(env));
      String name = backend;
      if (name == null && endpoint != null && endpointMeansExternal) {
        name = "localstack".equals(settings.name()) ? "localstack" : "external";
      }
      return Backends.open(name, endpoint, adminKey, settings, env, clock);
    } catch (BackendUsageException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage(), e);
    }
  }
}
