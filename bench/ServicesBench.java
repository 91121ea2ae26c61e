import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Services benchmark, run by bench/services-bench: signed S3 ListBuckets and DynamoDB GetItem from
 * 16 concurrent connections, against `kata engine` and against moto's server on the same machine,
 * in one run.
 *
 * <p>The load comes from wrk, not from Java callers: on a 2-core machine a JVM full of client
 * threads takes the CPU the servers need and measures itself. Each request is signed once with
 * the AWS SDK v2's SigV4 signer (valid for the 15 minutes of clock skew AWS allows) and written
 * into a small Lua script that wrk replays (so a whole bench must fit in those 15 minutes). Both
 * servers get the same requests, each signed for its own host and port; the engine verifies the
 * signature and evaluates policy on every one, moto checks no signatures.
 *
 * <p>For each server and request it prints requests/s, the p50 and p99 latency, and the server
 * process's CPU time (utime + stime from /proc/PID/stat) per request during the measured run.
 * Options: -Dwarm=5 -Drun=10 (seconds), -Dconnections=16, -Dthreads=2 (wrk's), -DengineJvm="..."
 * (extra JVM options for the engine, e.g. a JFR recording). Fails if any response is not 2xx or
 * wrk reports socket errors; asserts nothing about the numbers.
 */
public final class ServicesBench {
  static final String KEY = "AKIAIOSFODNN7EXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String[] OPS = {"s3:ListBuckets", "dynamodb:GetItem"};
  static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux (getconf CLK_TCK)

  /** One wrk run: throughput, latencies in ms, and server CPU µs per request. */
  record Result(double perSecond, double p50, double p99, double cpuMicros) {}

  public static void main(String[] args) throws Exception {
    String jar = args.length > 0 ? args[0] : "target/iam-kata.jar";
    int warm = Integer.getInteger("warm", 5);
    int run = Integer.getInteger("run", 10);
    int connections = Integer.getInteger("connections", 16);
    int threads = Integer.getInteger("threads", 2);
    List<String> engineCommand = new ArrayList<>(List.of("java", "-XX:+UseSerialGC"));
    String jvmOpts = System.getProperty("engineJvm", "");
    if (!jvmOpts.isBlank()) {
      engineCommand.addAll(List.of(jvmOpts.trim().split("\\s+")));
    }
    engineCommand.addAll(List.of("-jar", jar, "engine", "--admin-key", KEY + ":" + SECRET));
    Process engine = new ProcessBuilder(engineCommand).redirectErrorStream(true).start();
    String engineUrl = readyLine(engine);
    int motoPort;
    try (ServerSocket s = new ServerSocket(0)) {
      motoPort = s.getLocalPort();
    }
    Process moto =
        new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(motoPort))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String motoUrl = "http://127.0.0.1:" + motoPort;
    waitForPort(motoPort);
    Path scripts = Files.createTempDirectory("services-bench");
    try {
      setUp(engineUrl);
      setUp(motoUrl);
      System.out.printf(
          "wrk: %d connections, %d threads, %d s per measurement after %d s of warm-up"
              + " (and %<d s of each request on each server before the first)%n%n",
          connections, threads, run, warm);
      System.out.println(
          "| request | iam-kata req/s | p50/p99 ms | moto req/s | p50/p99 ms | ratio"
              + " | CPU µs/request iam-kata / moto |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      List<String> wrk = List.of(String.valueOf(connections), String.valueOf(threads));
      // Every request kind once on each server before any measurement, so the engine's JIT has
      // compiled the shared path (HTTP, SigV4, policy, CloudTrail) by the first measured run.
      for (String op : OPS) {
        prime(engineUrl, op, scripts, wrk, warm);
        prime(motoUrl, op, scripts, wrk, warm);
      }
      for (String op : OPS) {
        Result kata = measure(engine.pid(), engineUrl, op, scripts, wrk, warm, run);
        Result mo = measure(moto.pid(), motoUrl, op, scripts, wrk, warm, run);
        System.out.printf(
            "| %s | %,.0f | %.2f / %.2f | %,.0f | %.2f / %.2f | %.1f× | %,.0f / %,.0f |%n",
            op,
            kata.perSecond,
            kata.p50,
            kata.p99,
            mo.perSecond,
            mo.p50,
            mo.p99,
            kata.perSecond / mo.perSecond,
            kata.cpuMicros,
            mo.cpuMicros);
      }
    } finally {
      engine.destroy();
      moto.destroy();
      try (var files = Files.list(scripts)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(scripts);
    }
  }

  /** The bucket, and the table with its one item, made on a server with the SDK. */
  static void setUp(String url) {
    StaticCredentialsProvider creds =
        StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));
    try (S3Client s3 =
            S3Client.builder()
                .endpointOverride(URI.create(url))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(creds)
                .build();
        DynamoDbClient ddb =
            DynamoDbClient.builder()
                .endpointOverride(URI.create(url))
                .region(Region.US_EAST_1)
                .credentialsProvider(creds)
                .build()) {
      s3.createBucket(b -> b.bucket("bench-bucket"));
      ddb.createTable(
          t ->
              t.tableName("Bench")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                  .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
      ddb.putItem(
          p ->
              p.tableName("Bench")
                  .item(Map.of("id", AttributeValue.fromS("1"), "v", AttributeValue.fromS("x"))));
    }
  }

  /** A warm-up run of {@code op}, its script written for the measurement that follows. */
  static void prime(String url, String op, Path scripts, List<String> wrk, int warm)
      throws Exception {
    Files.writeString(script(scripts, url, op), luaScript(url, op));
    wrk(url, script(scripts, url, op), wrk, warm);
  }

  static Path script(Path scripts, String url, String op) {
    return scripts.resolve(op.replace(':', '-') + "-" + URI.create(url).getPort() + ".lua");
  }

  /** A warm-up run, then a measured run with the server's CPU time read around it. */
  static Result measure(
      long pid, String url, String op, Path scripts, List<String> wrk, int warm, int run)
      throws Exception {
    Path script = script(scripts, url, op);
    wrk(url, script, wrk, warm);
    long ticks0 = cpuTicks(pid);
    String out = wrk(url, script, wrk, run);
    long ticks = cpuTicks(pid) - ticks0;
    long requests = Long.parseLong(find(out, "(\\d+) requests in"));
    return new Result(
        Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)")),
        millis(find(out, "\\s50%\\s+(\\S+)")),
        millis(find(out, "\\s99%\\s+(\\S+)")),
        ticks * 1e6 / CLOCK_TICKS_PER_SECOND / requests);
  }

  /** Runs wrk for {@code seconds}; any non-2xx answer or socket error makes the bench fail. */
  static String wrk(String url, Path script, List<String> opts, int seconds) throws Exception {
    List<String> command = new ArrayList<>(List.of("wrk", "--latency", "-c", opts.get(0)));
    command.addAll(List.of("-t", opts.get(1), "-d", seconds + "s", "-s", script.toString()));
    command.add(url + "/");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean scriptError = out.contains(script.getFileName().toString());
    if (p.waitFor() != 0 || scriptError || out.contains("Non-2xx") || out.contains("Socket errors")) {
      throw new IllegalStateException("wrk against " + url + " went wrong:\n" + out);
    }
    return out;
  }

  /** The operation's request signed once by the SDK's SigV4 signer, as a wrk Lua script. */
  static String luaScript(String url, String op) {
    boolean s3 = op.startsWith("s3");
    String body = s3 ? "" : "{\"TableName\":\"Bench\",\"Key\":{\"id\":{\"S\":\"1\"}}}";
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder()
            .uri(URI.create(url + "/"))
            .method(s3 ? SdkHttpMethod.GET : SdkHttpMethod.POST);
    if (s3) {
      unsigned.putHeader("x-amz-content-sha256", EMPTY_SHA256);
    } else {
      unsigned
          .putHeader("Content-Type", "application/x-amz-json-1.0")
          .putHeader("X-Amz-Target", "DynamoDB_20120810.GetItem");
    }
    SdkHttpRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.request(unsigned.build())
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .identity(AwsCredentialsIdentity.create(KEY, SECRET))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, s3 ? "s3" : "dynamodb")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
            .request();
    StringBuilder lua = new StringBuilder();
    lua.append("wrk.method = ").append(luaString(s3 ? "GET" : "POST")).append('\n');
    lua.append("wrk.path = \"/\"\n");
    signed
        .headers()
        .forEach(
            (name, values) -> {
              // wrk writes Content-Length itself, from the body.
              if (!name.equalsIgnoreCase("content-length")) {
                lua.append("wrk.headers[ ").append(luaString(name)).append(" ] = ");
                lua.append(luaString(String.join(",", values))).append('\n');
              }
            });
    if (!body.isEmpty()) {
      lua.append("wrk.body = ").append(luaString(body)).append('\n');
    }
    return lua.toString();
  }

  /** A Lua long string: no escapes to get wrong, none of our values contain its closing. */
  static String luaString(String s) {
    return "[==[" + s + "]==]";
  }

  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** utime + stime of a process, in clock ticks. */
  static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** A wrk latency ("812.00us", "1.52ms", "1.02s") in milliseconds. */
  static double millis(String latency) {
    Matcher m = Pattern.compile("([\\d.]+)(us|ms|s|m)").matcher(latency);
    if (!m.matches()) {
      throw new IllegalStateException("unexpected wrk latency " + latency);
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "ms" -> v;
      case "s" -> v * 1000;
      default -> v * 60_000;
    };
  }

  static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex + " in wrk's output:\n" + text);
    }
    return m.group(1);
  }

  /** The engine's URL from its ready line; its later output is drained so it never blocks. */
  static String readyLine(Process p) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("iam-kata engine ready at ")) {
        Thread drain = new Thread(() -> drain(p.getInputStream()));
        drain.setDaemon(true);
        drain.start();
        return line.substring("iam-kata engine ready at ".length()).trim();
      }
    }
    throw new IllegalStateException("engine exited without its ready line");
  }

  static void drain(InputStream in) {
    try {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // The engine went away; nothing left to drain.
    }
  }

  static void waitForPort(int port) throws Exception {
    for (int i = 0; i < 300; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("moto_server did not start on port " + port);
  }
}
