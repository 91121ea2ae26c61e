package dev.iamkata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.backend.ControlClient;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.clock.Durations;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kata clock}: shows or advances a running engine's virtual clock. */
@Command(
    name = "clock",
    mixinStandardHelpOptions = true,
    description = "Show or advance the virtual clock of a running engine.",
    subcommands = {ClockCommand.Show.class, ClockCommand.Advance.class})
final class ClockCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: show or advance");
  }

  /** Options shared by both subcommands. */
  static class Target {
    @Option(
        names = "--endpoint",
        required = true,
        paramLabel = "URL",
        description = "The engine, e.g. http://127.0.0.1:4566")
    URI endpoint;
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
    @picocli.CommandLine.Mixin Target target = new Target();

    @Override
    public Integer call() {
      try {
        return print(new ControlClient(target.endpoint, null).call("GET", "clock", null));
      } catch (IOException e) {
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
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DURATION", description = "90s, 15m, 1h, 1h30m, 2d")
    String duration;

    @picocli.CommandLine.Mixin Target target = new Target();

    @Option(
        names = "--admin-key",
        paramLabel = "AKID:SECRET",
        description =
            "Admin key of the engine (default: $KATA_ADMIN_KEY, else $AWS_ACCESS_KEY_ID and"
                + " $AWS_SECRET_ACCESS_KEY).")
    String adminKey;

    @Override
    public Integer call() {
      try {
        Durations.parse(duration);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      AccessKeyPair key = key();
      try {
        String form = "duration=" + URLEncoder.encode(duration, StandardCharsets.UTF_8);
        return print(new ControlClient(target.endpoint, key).call("POST", "clock/advance", form));
      } catch (IOException e) {
        return failed(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(e);
      }
    }

    private AccessKeyPair key() {
      String text = adminKey != null ? adminKey : System.getenv("KATA_ADMIN_KEY");
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
