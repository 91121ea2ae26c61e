import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.workshop.WorkshopClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Workshop load test, run by bench/workshop-load: starts `kata serve` as a child process, joins N
 * simulated learners on loopback and lets each run lesson-like rounds (STS GetCallerIdentity, IAM
 * CreateUser + ListUsers in their own account, then a progress event with its checks) with a think
 * time between rounds, for a bounded time. Prints requests/s, p50/p99 latency, failures and the
 * server's RSS. Properties: -Dlearners=200 -Dseconds=60 -DthinkMs=1000.
 */
public final class WorkshopLoadBench {
  private static final Pattern DASHBOARD =
      Pattern.compile("instructor dashboard: http://([^/]+)/\\?token=(\\w+)");
  private static final Pattern CODE = Pattern.compile("join code: (\\w+)");

  public static void main(String[] args) throws Exception {
    String jar = args.length > 0 ? args[0] : "target/iam-kata.jar";
    int learners = Integer.getInteger("learners", 200);
    int seconds = Integer.getInteger("seconds", 60);
    int thinkMs = Integer.getInteger("thinkMs", 1000);
    Path dir = Files.createTempDirectory("workshop-load");
    ProcessBuilder pb =
        new ProcessBuilder(
            "java", "-jar", jar, "serve", "--port", "0", "--db", dir.resolve("w.db").toString());
    pb.environment().put("IAM_KATA_HOME", dir.toString());
    pb.redirectErrorStream(true);
    Process server = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String hostPort = null;
    String code = null;
    while (code == null) {
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("kata serve ended before it was ready");
      }
      Matcher d = DASHBOARD.matcher(line);
      if (d.find()) {
        hostPort = d.group(1);
      }
      Matcher c = CODE.matcher(line);
      if (c.find()) {
        code = c.group(1);
      }
    }
    Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
    drain.setDaemon(true);
    drain.start();

    SdkHttpClient http = ApacheHttpClient.builder().maxConnections(learners + 8).build();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger rounds = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(learners);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    final String hp = hostPort;
    final String jc = code;
    for (int i = 0; i < learners; i++) {
      final int n = i;
      pool.submit(
          () -> {
            try {
              WorkshopClient client = new WorkshopClient(hp);
              WorkshopClient.Joined j = client.join(jc, "learner-" + n, "assume-role-basics");
              AccessKeyPair k = AccessKeyPair.parse(j.adminKey());
              var creds =
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey()));
              StsClient sts =
                  StsClient.builder()
                      .endpointOverride(URI.create(j.endpoint()))
                      .region(Region.US_EAST_1)
                      .httpClient(http)
                      .credentialsProvider(creds)
                      .build();
              IamClient iam =
                  IamClient.builder()
                      .endpointOverride(URI.create(j.endpoint()))
                      .region(Region.US_EAST_1)
                      .httpClient(http)
                      .credentialsProvider(creds)
                      .build();
              Thread.sleep(ThreadLocalRandom.current().nextInt(Math.max(1, thinkMs)));
              for (int r = 0; System.nanoTime() < end; r++) {
                final int round = r;
                timed(latencies, failures, () -> sts.getCallerIdentity());
                timed(latencies, failures, () -> iam.createUser(b -> b.userName("u" + round)));
                timed(latencies, failures, () -> iam.listUsers());
                timed(
                    latencies,
                    failures,
                    () ->
                        client.event(
                            (com.fasterxml.jackson.databind.node.ObjectNode)
                                new com.fasterxml.jackson.databind.ObjectMapper()
                                    .readTree(
                                        "{\"type\":\"checks\",\"step\":1,\"stepId\":\"s\",\"steps\":10,"
                                            + "\"checks\":[{\"kind\":\"state\",\"description\":\"d\","
                                            + "\"status\":\"PASS\",\"millis\":1}]}")));
                rounds.incrementAndGet();
                Thread.sleep(thinkMs);
              }
            } catch (Exception e) {
              failures.incrementAndGet();
              System.err.println("learner " + n + ": " + e);
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
    long rss = rssKiB(server.pid());
    server.destroy();
    server.waitFor(20, TimeUnit.SECONDS);
    http.close();

    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("learners %d, %d s, think %d ms%n", learners, seconds, thinkMs);
    System.out.println("| requests | req/s | p50 ms | p99 ms | failed | server RSS MiB |");
    System.out.println("|---|---|---|---|---|---|");
    System.out.printf(
        "| %d | %.0f | %.1f | %.1f | %d | %d |%n",
        sorted.size(),
        sorted.size() / (double) seconds,
        pct(sorted, 0.50) / 1e6,
        pct(sorted, 0.99) / 1e6,
        failures.get(),
        rss / 1024);
  }

  interface Call {
    Object run() throws Exception;
  }

  private static void timed(ConcurrentLinkedQueue<Long> into, AtomicInteger failures, Call call) {
    long t0 = System.nanoTime();
    try {
      call.run();
    } catch (Exception e) {
      if (failures.incrementAndGet() <= 3) {
        System.err.println("failed: " + e);
      }
    }
    into.add(System.nanoTime() - t0);
  }

  private static long pct(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * p));
  }

  private static long rssKiB(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }
}
