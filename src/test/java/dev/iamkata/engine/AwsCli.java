package dev.iamkata.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real aws CLI, run against an engine in a throw-away HOME with its own config and credentials
 * files, so nothing of the developer's AWS setup is read or written.
 */
public final class AwsCli implements AutoCloseable {
  private static final Pattern ERROR_CODE = Pattern.compile("An error occurred \\((\\w+)\\)");

  private final Path home;
  private final String endpoint;
  private final Map<String, String> credentials = new LinkedHashMap<>();
  private final Map<String, String> config = new LinkedHashMap<>();

  public AwsCli(String endpoint) {
    this.endpoint = endpoint;
    try {
      this.home = Files.createTempDirectory("kata-aws-home");
      Files.createDirectories(home.resolve(".aws"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code aws} executable on PATH, or null. */
  public static Path executable() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "aws");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Whether this CLI sends every call, including the AssumeRole behind a {@code role_arn} profile,
   * to {@code AWS_ENDPOINT_URL}: botocore 1.31+ (CLI v1) and CLI v2.13+ do, older ones only honour
   * {@code --endpoint-url} for the command itself.
   */
  public static boolean honoursEndpointEnvironment() {
    try {
      Process p =
          new ProcessBuilder(executable().toString(), "--version")
              .redirectErrorStream(true)
              .start();
      String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      Matcher botocore = Pattern.compile("botocore/1\\.(\\d+)").matcher(version);
      if (botocore.find()) {
        return Integer.parseInt(botocore.group(1)) >= 31;
      }
      Matcher v2 = Pattern.compile("aws-cli/2\\.(\\d+)").matcher(version);
      return v2.find() && Integer.parseInt(v2.group(1)) >= 13;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Adds a profile with a key (and session token, when not null). */
  public void profile(String name, String keyId, String secret, String token) {
    StringBuilder s =
        new StringBuilder("aws_access_key_id = " + keyId + "\naws_secret_access_key = " + secret);
    if (token != null) {
      s.append("\naws_session_token = ").append(token);
    }
    credentials.put(name, s.toString());
    config.put(name, "region = us-east-1\noutput = json");
    write();
  }

  /** Adds a profile that assumes {@code roleArn} with {@code sourceProfile}'s key. */
  public void roleProfile(String name, String roleArn, String sourceProfile) {
    config.put(
        name,
        "region = us-east-1\noutput = json\nrole_arn = "
            + roleArn
            + "\nsource_profile = "
            + sourceProfile);
    write();
  }

  /** Runs {@code aws ARGS --profile PROFILE}. */
  public Result run(String profile, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable().toString());
    command.addAll(List.of(args));
    command.add("--profile");
    command.add(profile);
    // older CLIs (v2 before 2.13) ignore AWS_ENDPOINT_URL
    command.add("--endpoint-url");
    command.add(endpoint);
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("HOME", home.toString());
    env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
    env.put("AWS_ENDPOINT_URL", endpoint);
    env.put("AWS_PAGER", "");
    try {
      Path out = Files.createTempFile(home, "out", ".txt");
      Path err = Files.createTempFile(home, "err", ".txt");
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("aws timed out: " + command);
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void write() {
    StringBuilder c = new StringBuilder();
    credentials.forEach((n, v) -> c.append('[').append(n).append("]\n").append(v).append("\n\n"));
    StringBuilder f = new StringBuilder();
    config.forEach(
        (n, v) -> f.append("[profile ").append(n).append("]\n").append(v).append("\n\n"));
    try {
      Files.writeString(home.resolve(".aws/credentials"), c);
      Files.writeString(home.resolve(".aws/config"), f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    try (var walk = Files.walk(home)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** What one CLI run did. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** The AWS error code in "An error occurred (Code)", or null. */
    public String errorCode() {
      Matcher m = ERROR_CODE.matcher(stderr);
      return m.find() ? m.group(1) : null;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n" + stdout + stderr;
    }
  }
}
