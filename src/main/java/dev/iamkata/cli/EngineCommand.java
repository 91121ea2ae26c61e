package dev.iamkata.cli;

import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.Engine;
import dev.iamkata.engine.EngineConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kata engine}: runs the embedded engine alone, in the foreground. */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = {
      "Run the embedded AWS engine (IAM, STS, S3, DynamoDB, EC2, Lambda, CloudTrail) on 127.0.0.1 until interrupted.",
      "Prints 'iam-kata engine ready at http://127.0.0.1:PORT' when ready."
    })
final class EngineCommand implements Callable<Integer> {
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", description = "Port on 127.0.0.1; 0 picks a free one (default: 0).")
  int port = 0;

  @Option(
      names = "--account",
      paramLabel = "ID",
      description = "The default 12-digit account ID (default: ${DEFAULT-VALUE}).")
  String account = EngineConfig.DEFAULT_ACCOUNT;

  @Option(
      names = "--admin-key",
      paramLabel = "AKID:SECRET",
      description = "Access key of the 'admin' user (AdministratorAccess); random when absent.")
  String adminKey;

  @Option(
      names = "--region",
      paramLabel = "R",
      description = "Region for regional resources (default: ${DEFAULT-VALUE}).")
  String region = EngineConfig.DEFAULT_REGION;

  @Override
  public Integer call() throws Exception {
    EngineConfig config = EngineConfig.defaults().withPort(port).withRegion(region);
    if (!ACCOUNT.matcher(account).matches()) {
      throw new ParameterException(
          spec.commandLine(), "--account must be 12 digits, got '" + account + "'");
    }
    config = config.withDefaultAccount(account);
    if (adminKey != null) {
      AccessKeyPair key;
      try {
        key = AccessKeyPair.parse(adminKey);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--admin-key: " + e.getMessage());
      }
      if (!KEY_ID.matcher(key.accessKeyId()).matches()) {
        throw new ParameterException(
            spec.commandLine(),
            "--admin-key: the access key ID must be 16-128 upper-case letters or digits");
      }
      config = config.withAdminKey(key);
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (Engine engine = Engine.start(config)) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    engine.close();
                    stopped.countDown();
                  }));
      System.out.println("iam-kata engine ready at " + engine.endpoint());
      if (adminKey == null) {
        System.out.println("admin key: " + engine.adminKey(account));
      }
      System.out.flush();
      if (Boolean.getBoolean("kata.timing")) {
        // for bench/engine-bench: how long after the JVM started the engine was ready
        System.err.println(
            "startup: ready "
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                + " ms after JVM start");
      }
      stopped.await();
    }
    return 0;
  }
}
