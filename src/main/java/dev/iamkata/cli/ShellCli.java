package dev.iamkata.cli;

import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.EmbeddedBackend;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.EngineConfig;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.BatchShell;
import dev.iamkata.shell.InteractiveShell;
import dev.iamkata.shell.Settings;
import dev.iamkata.shell.ShellSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kata shell}: the learner's shell, interactive or over a batch file. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "The learner's shell: aws, export, cat, heredocs, ... in a sandboxed home.",
      "Without --endpoint it starts the embedded engine; the default profile is its admin."
    })
final class ShellCli implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--lesson", paramLabel = "ID", description = "Run the shell for this lesson.")
  String lesson;

  @Option(
      names = "--batch",
      paramLabel = "FILE",
      description = "Run the lines of FILE without a terminal and exit.")
  Path batch;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "Use this running engine (or AWS-compatible endpoint) instead of starting one.")
  String endpoint;

  @Option(names = "--lang", paramLabel = "en|ja", description = "Language of the shell's messages.")
  String lang;

  @Override
  public Integer call() throws Exception {
    if (lesson != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--lesson needs the lesson runner, which this build does not have yet");
    }
    if (lang != null && !lang.matches("en|ja")) {
      throw new ParameterException(spec.commandLine(), "--lang must be en or ja");
    }
    String script = null;
    if (batch != null) {
      try {
        script = Files.readString(batch, StandardCharsets.UTF_8);
      } catch (IOException e) {
        System.err.println("kata shell: cannot read " + batch + ": " + e.getMessage());
        return 2;
      }
    }
    Path kataHome = kataHome();
    Settings settings = Settings.in(kataHome);
    EmbeddedBackend backend = null;
    try {
      AccessKeyPair admin;
      String url = endpoint;
      if (endpoint == null) {
        backend = EmbeddedBackend.start();
        admin = backend.adminKey(backend.accountId());
        url = backend.endpoint();
      } else {
        admin = adminKeyFromEnvironment();
      }
      ShellSession.Config config =
          new ShellSession.Config(
              url,
              EngineConfig.DEFAULT_REGION,
              EngineConfig.DEFAULT_ACCOUNT,
              admin,
              backend,
              null,
              AwsModes.detect(settings),
              lang == null ? settings.get("lang") : lang);
      try (ShellSession session = ShellSession.open(config, Map.of())) {
        if (script != null) {
          return new BatchShell(session, System.out, System.err).run(script);
        }
        return new InteractiveShell(session, kataHome.resolve("history"), null, admin).run();
      }
    } catch (BackendException e) {
      System.err.println("kata shell: " + e.getMessage());
      return 1;
    } finally {
      if (backend != null) {
        backend.close();
      }
    }
  }

  /** {@code $IAM_KATA_HOME}, else {@code ~/.iam-kata}. */
  static Path kataHome() {
    String set = System.getenv("IAM_KATA_HOME");
    return set != null && !set.isBlank()
        ? Path.of(set)
        : Path.of(System.getProperty("user.home"), ".iam-kata");
  }

  /** {@code KATA_ADMIN_KEY=AKID:SECRET}, the way {@code kata clock advance} takes it; or null. */
  private static AccessKeyPair adminKeyFromEnvironment() {
    String key = System.getenv("KATA_ADMIN_KEY");
    if (key == null || !key.contains(":")) {
      return null;
    }
    int colon = key.indexOf(':');
    return new AccessKeyPair(key.substring(0, colon), key.substring(colon + 1));
  }
}
