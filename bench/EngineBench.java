import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Engine benchmark, run by bench/engine-bench: cold start of `kata engine` to its ready line, and
 * signed GetCallerIdentity requests per second from AWS SDK clients at 1, 16 and 64 concurrent
 * callers against an engine in its own process. Prints a table; asserts nothing.
 */
public final class EngineBench {
  static final String KEY = "AKIAIOSFODNN7EXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  public static void main(String[] args) throws Exception {
    String jar = args.length > 0 ? args[0] : "target/iam-kata.jar";
    int warmSeconds = Integer.getInteger("warm", 5);
    int runSeconds = Integer.getInteger("run", 8);

    startEngine(jar).destroy(); // warms the page cache
    long[] starts = new long[7];
    long[] afterJvm = new long[starts.length];
    for (int i = 0; i < starts.length; i++) {
      long t0 = System.nanoTime();
      Process p = startEngine(jar);
      starts[i] = (System.nanoTime() - t0) / 1_000_000;
      afterJvm[i] = readyAfterJvmStart.get(p);
      p.destroy();
      p.waitFor();
    }
    Arrays.sort(starts);
    Arrays.sort(afterJvm);
    System.out.printf(
        "ready after JVM start (%d runs): median %d ms, min %d ms, max %d ms%n",
        afterJvm.length, afterJvm[afterJvm.length / 2], afterJvm[0], afterJvm[afterJvm.length - 1]);
    System.out.printf(
        "process spawn to ready line:  median %d ms, min %d ms, max %d ms%n",
        starts[starts.length / 2], starts[0], starts[starts.length - 1]);

    Process engine = startEngine(jar);
    String endpoint = endpointOf(engine);
    System.out.printf("%n| callers | requests/s | p50 ms | p99 ms |%n|---:|---:|---:|---:|%n");
    try {
      for (int callers : new int[] {1, 16, 64}) {
        run(endpoint, callers, warmSeconds);
        Result r = run(endpoint, callers, runSeconds);
        System.out.printf(
            "| %d | %,.0f | %.2f | %.2f |%n", callers, r.perSecond, r.p50, r.p99);
      }
    } finally {
      engine.destroy();
    }
  }

  record Result(double perSecond, double p50, double p99) {}

  static Result run(String endpoint, int callers, int seconds) throws Exception {
    SdkHttpClient http = ApacheHttpClient.builder().maxConnections(callers).build();
    StsClient sts =
        StsClient.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.US_EAST_1)
            .httpClient(http)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
            .build();
    AtomicBoolean stop = new AtomicBoolean();
    List<long[]> perThread = new ArrayList<>();
    int[] counts = new int[callers];
    CountDownLatch done = new CountDownLatch(callers);
    for (int t = 0; t < callers; t++) {
      long[] latencies = new long[2_000_000 / callers + 1000];
      perThread.add(latencies);
      int id = t;
      Thread thread =
          new Thread(
              () -> {
                int n = 0;
                while (!stop.get() && n < latencies.length) {
                  long t0 = System.nanoTime();
                  sts.getCallerIdentity();
                  latencies[n++] = System.nanoTime() - t0;
                }
                counts[id] = n;
                done.countDown();
              });
      thread.start();
    }
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    done.await();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < callers; t++) {
      System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    sts.close();
    http.close();
    return new Result(
        total / elapsed, all[(int) (total * 0.50)] / 1e6, all[(int) (total * 0.99)] / 1e6);
  }

  static Process startEngine(String jar) throws Exception {
    Process p =
        new ProcessBuilder(
                "java",
                "-XX:+UseSerialGC",
                "-Dkata.timing=true",
                "-jar",
                jar,
                "engine",
                "--port",
                "0",
                "--admin-key",
                KEY + ":" + SECRET)
            .redirectErrorStream(true)
            .start();
    endpoints.put(p, readReady(p));
    return p;
  }

  static final java.util.Map<Process, String> endpoints = new java.util.HashMap<>();
  static final java.util.Map<Process, Long> readyAfterJvmStart = new java.util.HashMap<>();

  static String endpointOf(Process p) {
    return endpoints.get(p);
  }

  static String readReady(Process p) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    String endpoint = null;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("iam-kata engine ready at ")) {
        endpoint = line.substring("iam-kata engine ready at ".length()).trim();
      } else if (line.startsWith("startup: ready ") && endpoint != null) {
        readyAfterJvmStart.put(p, Long.parseLong(line.split(" ")[2]));
        Thread drain =
            new Thread(
                () -> {
                  try {
                    in.lines().forEach(l -> {});
                  } catch (java.io.UncheckedIOException stopped) {
                    // the engine was stopped: nothing left to drain
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return endpoint;
      }
    }
    throw new IllegalStateException("engine exited without its ready line");
  }
}
