package dev.iamkata.shell.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.engine.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One side of the differential suite: an engine, a throw-away HOME with its config and credentials
 * files, a working directory, and a way to run {@code aws ARGS} (the real CLI as a process, or the
 * built-in in-process).
 */
abstract class ParitySide implements AutoCloseable {
  /** What one command gave. */
  record Outcome(int rc, String stdout, String stderr) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  final TestEngine engine = TestEngine.start();
  final Path home;
  final Path cwd;
  final Map<String, String> env = new LinkedHashMap<>();
  private final Map<String, String[]> keys = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> roles = new LinkedHashMap<>();
  Outcome last;

  ParitySide() {
    try {
      home = Files.createTempDirectory("parity-home");
      cwd = Files.createDirectories(home.resolve("work"));
      Files.createDirectories(home.resolve(".aws"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env.put("HOME", home.toString());
    env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
    env.put("AWS_ENDPOINT_URL", engine.endpoint());
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_PAGER", "");
    env.put("TZ", "UTC");
    keys.put(
        "default",
        new String[] {TestEngine.ADMIN.accessKeyId(), TestEngine.ADMIN.secretAccessKey(), null});
    keys.put("admin", keys.get("default"));
    roles.put("no-keys", new LinkedHashMap<>(Map.of("region", "us-east-1")));
    write();
  }

  abstract Outcome run(List<String> args);

  /** Runs a directive of {@link ParityScript}. */
  void directive(String line) {
    String[] w = line.split(" ", 3);
    switch (w[0]) {
      case "@save-key" -> {
        JsonNode k = json().path("AccessKey");
        keys.put(
            w[1],
            new String[] {
              k.path("AccessKeyId").asText(), k.path("SecretAccessKey").asText(), null
            });
      }
      case "@save-session" -> {
        JsonNode c = json().path("Credentials");
        keys.put(
            w[1],
            new String[] {
              c.path("AccessKeyId").asText(),
              c.path("SecretAccessKey").asText(),
              c.path("SessionToken").asText()
            });
      }
      case "@env-session" -> {
        JsonNode c = json().path("Credentials");
        env.put("AWS_ACCESS_KEY_ID", c.path("AccessKeyId").asText());
        env.put("AWS_SECRET_ACCESS_KEY", c.path("SecretAccessKey").asText());
        env.put("AWS_SESSION_TOKEN", c.path("SessionToken").asText());
      }
      case "@role-profile" -> {
        String[] parts = line.split(" ");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("role_arn", parts[2]);
        p.put("source_profile", parts[3]);
        roles.put(parts[1], p);
      }
      case "@file" -> writeFile(w[1], w[2].getBytes(StandardCharsets.UTF_8));
      case "@zip" -> writeFile(w[1], zip());
      case "@advance" -> engine.engine().clock().advance(Duration.parse("PT" + w[1].toUpperCase()));
      case "@env" -> {
        String[] kv = w[1].split("=", 2);
        env.put(kv[0], kv[1]);
      }
      case "@unenv" -> {
        for (String k : line.substring(7).split(" ")) {
          env.remove(k);
        }
      }
      default -> throw new IllegalArgumentException("unknown directive " + line);
    }
    write();
  }

  private JsonNode json() {
    try {
      return JSON.readTree(last.stdout());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + last, e);
    }
  }

  private void writeFile(String name, byte[] content) {
    try {
      Files.write(cwd.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      ZipEntry e = new ZipEntry("index.py");
      e.setTime(0);
      z.putNextEntry(e);
      z.write("def handler(event, context):\n    return 'ok'\n".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void write() {
    StringBuilder creds = new StringBuilder();
    StringBuilder config = new StringBuilder();
    keys.forEach(
        (name, k) -> {
          creds.append('[').append(name).append("]\naws_access_key_id = ").append(k[0]);
          creds.append("\naws_secret_access_key = ").append(k[1]).append('\n');
          if (k[2] != null) {
            creds.append("aws_session_token = ").append(k[2]).append('\n');
          }
          config.append(name.equals("default") ? "[default]" : "[profile " + name + "]");
          config.append("\nregion = us-east-1\n");
        });
    roles.forEach(
        (name, p) -> {
          config.append("[profile ").append(name).append("]\n");
          if (!p.containsKey("region")) {
            config.append("region = us-east-1\n");
          }
          p.forEach((k, v) -> config.append(k).append(" = ").append(v).append('\n'));
        });
    try {
      Path credsFile = home.resolve(".aws/credentials");
      Path configFile = home.resolve(".aws/config");
      Files.writeString(credsFile, creds.toString());
      Files.writeString(configFile, config.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    engine.close();
    try (java.util.stream.Stream<Path> files = Files.walk(home)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  /** The real aws CLI as a process. */
  static final class Real extends ParitySide {
    private final Path executable;
    private final boolean endpointFlag;

    Real(Path executable, boolean endpointFlag) {
      this.executable = executable;
      this.endpointFlag = endpointFlag;
    }

    @Override
    Outcome run(List<String> args) {
      List<String> cmd = new ArrayList<>();
      cmd.add(executable.toString());
      cmd.addAll(args);
      if (endpointFlag) {
        cmd.add("--endpoint-url");
        cmd.add(engine.endpoint());
      }
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
      pb.environment().putAll(env);
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      try {
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        last =
            new Outcome(
                p.exitValue(),
                new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
        return last;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The built-in aws, in-process. */
  static final class Builtin extends ParitySide {
    private final BuiltinAws aws = BuiltinAws.create();

    @Override
    Outcome run(List<String> args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int rc =
          aws.run(
              args,
              Map.copyOf(env),
              cwd,
              new ByteArrayInputStream(new byte[0]),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              null);
      last =
          new Outcome(
              rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      return last;
    }

    @Override
    public void close() {
      aws.close();
      super.close();
    }
  }
}
