package dev.iamkata.shell;

import dev.iamkata.lesson.Workspace;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real aws CLI from PATH, run as a process in the learner's sandbox: HOME, AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE point into it, AWS_ENDPOINT_URL is the workspace's endpoint, the
 * pager is off and only the learner's exported variables are passed (none of the host's AWS_*).
 *
 * <p>Fail closed: every request that is not for the workspace's endpoint goes to a proxy that does
 * not exist, so even a CLI that ignores AWS_ENDPOINT_URL for the AssumeRole behind a {@code
 * role_arn} profile cannot reach a real AWS account. Such CLIs (v1 before botocore 1.31, v2 before
 * 2.13) get {@code --endpoint-url} on each command, and a warning when the profile has a role_arn.
 */
public final class SystemAws implements AwsExecutor {
  /** Host variables never passed through: they could point the CLI somewhere else. */
  private static final Set<String> HOST_ONLY =
      Set.of("HOME", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY");

  /** Where requests for any host but the endpoint go: port 9 (discard) refuses connections. */
  private static final String DEAD_PROXY = "http://127.0.0.1:9";

  private static final long TIMEOUT_SECONDS = 120;

  private final Path executable;
  private String version;
  private Boolean honoursEndpoint;

  private SystemAws(Path executable) {
    this.executable = executable;
  }

  /** The aws CLI on PATH, or null when there is none. */
  public static SystemAws onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "aws");
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return new SystemAws(candidate);
      }
    }
    return null;
  }

  @Override
  public String name() {
    return "system";
  }

  /** {@code aws --version}, asked once. */
  public synchronized String version() throws InterruptedException {
    if (version == null) {
      try {
        Process p =
            new ProcessBuilder(executable.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (IOException e) {
        version = "";
      }
      honoursEndpoint = honoursEndpointEnvironment(version);
    }
    return version;
  }

  /**
   * Whether a CLI with this {@code --version} line sends every call to AWS_ENDPOINT_URL: botocore
   * 1.31+ (v1) and 2.13+ (v2).
   */
  static boolean honoursEndpointEnvironment(String versionLine) {
    Matcher botocore = Pattern.compile("botocore/1\\.(\\d+)").matcher(versionLine);
    if (botocore.find()) {
      return Integer.parseInt(botocore.group(1)) >= 31;
    }
    Matcher v2 = Pattern.compile("aws-cli/2\\.(\\d+)").matcher(versionLine);
    return v2.find() && Integer.parseInt(v2.group(1)) >= 13;
  }

  @Override
  public Result execute(Invocation inv) throws InterruptedException {
    version();
    Workspace ws = inv.workspace();
    AwsArgs parsed = AwsArgs.parse(inv.args());
    Result refused = AwsGuard.refusal(inv);
    if (refused != null) {
      return refused;
    }
    StringBuilder warnings = new StringBuilder();
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(inv.args());
    boolean local = "configure".equals(parsed.service()) || "help".equals(parsed.command());
    if (!honoursEndpoint && !local && parsed.endpointUrl() == null) {
      command.add("--endpoint-url");
      command.add(ws.endpoint());
      String profile = effectiveProfile(parsed, inv.environment());
      if (ProfileFiles.read(ws).get(profile, "role_arn") != null) {
        warnings.append("kata: warning: this aws CLI (").append(version);
        warnings.append(") sends the AssumeRole behind profile '").append(profile);
        warnings.append("' (role_arn) to AWS, not to the local endpoint; that call fails here.");
        warnings.append(" Use a newer aws CLI or aws-mode builtin.\n");
      }
    }
    ProcessBuilder pb = new ProcessBuilder(command).directory(ws.cwd().toFile());
    environment(pb.environment(), inv, parsed);
    try {
      Path out = Files.createTempFile("kata-aws-out", ".txt");
      Path err = Files.createTempFile("kata-aws-err", ".txt");
      Path in = Files.createTempFile("kata-aws-in", ".txt");
      try {
        Files.writeString(in, inv.stdin(), StandardCharsets.UTF_8);
        Process p =
            pb.redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(in.toFile())
                .start();
        boolean done;
        try {
          done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          p.destroyForcibly(); // Ctrl-C in the shell: the learner gave up on this command
          throw e;
        }
        if (!done) {
          p.destroyForcibly();
          return new Result(255, "", "kata: aws did not answer within 120 seconds\n");
        }
        return new Result(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            warnings + Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        Files.deleteIfExists(in);
      }
    } catch (IOException e) {
      return new Result(
          255, "", "kata: could not run " + executable + ": " + e.getMessage() + "\n");
    }
  }

  private void environment(Map<String, String> env, Invocation inv, AwsArgs parsed) {
    Workspace ws = inv.workspace();
    env.keySet().removeIf(k -> k.startsWith("AWS_") || HOST_ONLY.contains(k.toUpperCase()));
    inv.environment().forEach(env::put);
    // whatever the learner exported, these point into the sandbox and at the backend
    env.keySet().removeIf(k -> k.startsWith("AWS_ENDPOINT_URL_"));
    env.remove("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    env.put("HOME", ws.home().toString());
    env.put("AWS_CONFIG_FILE", ws.awsConfigFile().toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", ws.awsCredentialsFile().toString());
    env.put("AWS_ENDPOINT_URL", ws.endpoint());
    env.put("AWS_PAGER", "");
    String host = URI.create(ws.endpoint()).getHost();
    for (String proxy : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")) {
      env.put(proxy, DEAD_PROXY);
    }
    String noProxy = "127.0.0.1,localhost" + (host == null ? "" : "," + host);
    env.put("NO_PROXY", noProxy);
    env.put("no_proxy", noProxy);
    boolean regionSet =
        parsed.region() != null
            || env.containsKey("AWS_REGION")
            || env.containsKey("AWS_DEFAULT_REGION")
            || ProfileFiles.read(ws).get(effectiveProfile(parsed, inv.environment()), "region")
                != null;
    if (!regionSet) {
      env.put("AWS_DEFAULT_REGION", ws.region());
    }
  }

  private static String effectiveProfile(AwsArgs parsed, Map<String, String> env) {
    if (parsed.profile() != null) {
      return parsed.profile();
    }
    return env.getOrDefault("AWS_PROFILE", env.getOrDefault("AWS_DEFAULT_PROFILE", "default"));
  }
}
