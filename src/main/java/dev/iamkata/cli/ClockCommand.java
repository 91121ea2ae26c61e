package dev.iamkata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.BackendOptions;
import dev.iamkata.backend.BackendUsageException;
import dev.iamkata.backend.Backends;
import dev.iamkata.backend.ControlClient;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.clock.Durations;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kata clock}: shows or advances a running engine's virtual clock. */
@Command(
    name = "clock",
    mixinStandardHelpOptions = true,
    description = {
      "Show or advance the virtual clock of a running engine (--endpoint URL), or of the backend",
      "--backend names; a backend without a clock (moto, LocalStack) cannot be advanced."
    },
    subcommands = {ClockCommand.Show.class, ClockCommand.Advance.class})
final class ClockCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: show or advance");
  }

  /**
   * The engine's control API at {@code --endpoint} when no {@code --backend} is named (as before
   * there were backends), else null: then the chosen backend is opened.
   */
  static URI controlApi(CommandSpec spec, BackendOptions target) {
    if (target.backend() != null || target.endpoint() == null) {
      if ("embedded".equals(target.chosen())) {
        throw new ParameterException(
            spec.commandLine(),
            "kata clock needs a running backend: --endpoint URL of a 'kata engine', or --backend"
                + " external|localstack --endpoint URL (a fresh embedded engine's clock is"
                + " nobody's)");
      }
      return null;
    }
    try {
      return Backends.uri(target.endpoint());
    } catch (BackendUsageException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** Prints a backend's clock, as {@link #print(String)} does an engine's. */
  static int print(Backend b) throws BackendException {
    Instant now = b.clockTime();
    Duration ahead = Duration.between(Instant.now(), now).withNanos(0);
    System.out.println(
        b.name()
            + " clock: "
            + now
            + (ahead.getSeconds() <= 1 ? "" : " (" + human(ahead) + " ahead of real time)"));
    return 0;
  }

  static int print(String body) throws IOException {
    JsonNode json = new ObjectMapper().readTree(body);
    Duration ahead = Duration.ofSeconds(json.path("offsetSeconds").asLong());
    System.out.println(
        "engine clock: "
            + json.path("now").asText()
            + (ahead.isZero() ? "" : " (" + human(ahead) + " ahead of real time)"));
    return 0;
  }

  static String human(Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }

  static int failed(Exception e) {
    System.err.println("kata clock: " + e.getMessage());
    return 1;
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the engine's time.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin BackendOptions target = new BackendOptions();

    @Override
    public Integer call() {
      URI api = controlApi(spec, target);
      try {
        if (api == null) {
          try (Backend b = target.open(true)) {
            return print(b);
          }
        }
        return print(new ControlClient(api, null).call("GET", "clock", null));
      } catch (BackendException | IOException e) {
        return failed(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(e);
      }
    }
  }

  @Command(
      name = "advance",
      mixinStandardHelpOptions = true,
      description = "Move the engine's clock forward, e.g. 'kata clock advance 1h'.")
  static final class Advance implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DURATION", description = "90s, 15m, 1h, 1h30m, 2d")
    String duration;

    @Mixin BackendOptions target = new BackendOptions();

    @Override
    public Integer call() {
      Duration by;
      try {
        by = Durations.parse(duration);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      URI api = controlApi(spec, target);
      try {
        if (api == null) {
          try (Backend b = target.open(true)) {
            b.advanceClock(by);
            return print(b);
          }
        }
        AccessKeyPair key = key();
        String form = "duration=" + URLEncoder.encode(duration, StandardCharsets.UTF_8);
        return print(new ControlClient(api, key).call("POST", "clock/advance", form));
      } catch (BackendException | IOException e) {
        return failed(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(e);
      }
    }

    private AccessKeyPair key() {
      String text = target.adminKey() != null ? target.adminKey() : System.getenv("KATA_ADMIN_KEY");
      if (text == null
          && System.getenv("AWS_ACCESS_KEY_ID") != null
          && System.getenv("AWS_SECRET_ACCESS_KEY") != null) {
        text = System.getenv("AWS_ACCESS_KEY_ID") + ":" + System.getenv("AWS_SECRET_ACCESS_KEY");
      }
      if (text == null) {
        throw new ParameterException(
            spec.commandLine(),
            "advancing the clock needs the engine's admin key: --admin-key AKID:SECRET");
      }
      try {
        return AccessKeyPair.parse(text);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--admin-key: " + e.getMessage());
      }
    }
  }
}
