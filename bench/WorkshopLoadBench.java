import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.workshop.WorkshopBackend;
import dev.iamkata.workshop.WorkshopClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Workshop load test, run by bench/workshop-load: starts {@code kata serve} as a child process and
 * lets N simulated learners each run the whole of assume-role-basics over the AWS SDK, again and
 * again, for a bounded time, each also holding an idle poll for instructor actions as a learner's
 * shell does: the lesson's start (reset of the learner's two accounts) and setup
 * (two users, dev-user's key, dev-role with its policy, testbucket1..3), then each step's solution
 * calls, the calls its checks make (SimulatePrincipalPolicy, GetRole), a progress event with the
 * step's checks, and a think time (uniform 0.5x to 1.5x of thinkMs) before the next step; the last
 * step's {@code wait 1h} moves the learner's own clock and expects ExpiredToken. Every request is
 * timed (engine, control and workshop API alike). A check whose outcome differs from the lesson's
 * expectation is a failed check; at the end every learner's grades on the server must hold every
 * passed check the learner reported in its current run, else the check was lost. Prints requests/s,
 * p50/p99 over the whole run and over the requests after a warm-up (-DwarmupSeconds, default 30:
 * JIT, class loading and every learner's join), the same for the SDK's wire time (see {@link
 * #WIRE}), where the slow requests fall (by second and step), failures, the server's RSS, the CPU
 * time of server and bench client and the load average during the run. Properties:
 * -Dlearners=200 -Dseconds=150 -DthinkMs=1000 -DjoinSeconds=30 (learners join at random within
 * that many seconds) -DwarmupSeconds=30 -DserverOpts="JVM options".
 */
public final class WorkshopLoadBench {
  private static final Pattern DASHBOARD =
      Pattern.compile("instructor dashboard: http://([^/]+)/\\?token=(\\w+)");
  private static final Pattern CODE = Pattern.compile("join code: (\\w+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STEP_IDS =
      List.of(
          "user-is-denied",
          "allow-assume-role",
          "trust-the-user",
          "assume-role",
          "save-profile",
          "session-lists",
          "no-dynamodb",
          "user-still-denied",
          "who-am-i",
          "expiry");
  private static final int STEPS = STEP_IDS.size();

  private static final ConcurrentLinkedQueue<Long> LATENCIES = new ConcurrentLinkedQueue<>();
  /** Wire times (see {@link #WIRE}) of the requests after the warm-up. */
  private static final ConcurrentLinkedQueue<Long> WARM_WIRE = new ConcurrentLinkedQueue<>();
  /** The requests that started after the warm-up (JIT, class loading, every learner's join). */
  private static final ConcurrentLinkedQueue<Long> WARM = new ConcurrentLinkedQueue<>();
  private static final long WARMUP_NANOS =
      TimeUnit.SECONDS.toNanos(Integer.getInteger("warmupSeconds", 30));
  /** Start (nanos since the bench began) and label of every request over 50 ms, for the tail. */
  private static final ConcurrentLinkedQueue<String> SLOW = new ConcurrentLinkedQueue<>();
  private static final long T0 = System.nanoTime();
  private static final AtomicInteger FAILED_REQUESTS = new AtomicInteger();
  private static final AtomicInteger FAILED_CHECKS = new AtomicInteger();
  private static final AtomicInteger CHECKS = new AtomicInteger();
  private static final AtomicInteger LESSONS = new AtomicInteger();

  public static void main(String[] args) throws Exception {
    String jar = args.length > 0 ? args[0] : "target/iam-kata.jar";
    int learners = Integer.getInteger("learners", 200);
    int seconds = Integer.getInteger("seconds", 150);
    int thinkMs = Integer.getInteger("thinkMs", 1000);
    // a room joins over half a minute, not in one instant; 0: everyone within the first think time
    int joinMs = Integer.getInteger("joinSeconds", 30) * 1000;
    Path dir = Files.createTempDirectory("workshop-load");
    List<String> command = new ArrayList<>(List.of("java"));
    String serverOpts = System.getProperty("serverOpts", "").trim();
    if (!serverOpts.isEmpty()) {
      command.addAll(List.of(serverOpts.split("\\s+")));
    }
    command.addAll(
        List.of("-jar", jar, "serve", "--port", "0", "--db", dir.resolve("w.db").toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("IAM_KATA_HOME", dir.toString());
    pb.redirectErrorStream(true);
    Process server = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String hostPort = null;
    String token = null;
    String code = null;
    while (code == null) {
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("kata serve ended before it was ready");
      }
      Matcher d = DASHBOARD.matcher(line);
      if (d.find()) {
        hostPort = d.group(1);
        token = d.group(2);
      }
      Matcher c = CODE.matcher(line);
      if (c.find()) {
        code = c.group(1);
      }
    }
    Thread drain = new Thread(() -> out.lines().forEach(System.err::println));
    drain.setDaemon(true);
    drain.start();

    // the machine's load average through the run: a loaded machine measures its own queueing
    List<Double> loads = Collections.synchronizedList(new ArrayList<>());
    Thread loadProbe =
        new Thread(
            () -> {
              try {
                while (true) {
                  loads.add(
                      Double.parseDouble(
                          Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
                  Thread.sleep(5000);
                }
              } catch (Exception e) {
                // interrupted at the end of the run
              }
            });
    loadProbe.setDaemon(true);
    loadProbe.start();
    SdkHttpClient http = ApacheHttpClient.builder().maxConnections(2 * learners + 8).build();
    ExecutorService pool = Executors.newFixedThreadPool(learners);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Map<String, Integer> reported = new ConcurrentHashMap<>();
    final String hp = hostPort;
    final String jc = code;
    for (int i = 0; i < learners; i++) {
      final int n = i;
      pool.submit(
          () -> {
            try {
              Thread.sleep(ThreadLocalRandom.current().nextInt(Math.max(1, joinMs)));
              new Learner(hp, jc, "learner-" + n, http, thinkMs, end, reported).run();
            } catch (Exception e) {
              FAILED_REQUESTS.incrementAndGet();
              System.err.println("learner " + n + ": " + e);
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 300, TimeUnit.SECONDS);
    loadProbe.interrupt();
    int lost = lostChecks(hp, token, reported);
    long rss = rssKiB(server.pid());
    double cpu = cpuSeconds(server.pid());
    double clientCpu = cpuSeconds(ProcessHandle.current().pid());
    server.destroy();
    server.waitFor(20, TimeUnit.SECONDS);
    http.close();

    // where the tail is: slow requests by the second of the run they started in, and by kind
    Map<String, Integer> bySecond = new java.util.TreeMap<>();
    Map<String, Integer> byKind = new java.util.TreeMap<>();
    for (String slow : SLOW) {
      String[] parts = slow.split(" ", 2);
      bySecond.merge(String.format("%03d", Long.parseLong(parts[0]) / 1_000_000_000L), 1, Integer::sum);
      byKind.merge(parts[1], 1, Integer::sum);
    }
    System.out.printf(
        "server CPU: %.1f s in all, %.2f ms per request%n",
        cpu, cpu * 1000 / Math.max(1, LATENCIES.size()));
    System.out.printf(
        "bench client CPU (the SDK clients, on the same cores): %.1f s in all, %.2f ms per"
            + " request%n",
        clientCpu, clientCpu * 1000 / Math.max(1, LATENCIES.size()));
    System.out.println("requests over 50 ms by second of the run: " + bySecond);
    System.out.println("requests over 50 ms by kind: " + byKind);
    synchronized (loads) {
      System.out.printf(
          "load average (1 min) during the run: %.1f to %.1f%n",
          loads.stream().mapToDouble(Double::doubleValue).min().orElse(0),
          loads.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }
    List<Long> sorted = new ArrayList<>(LATENCIES);
    Collections.sort(sorted);
    List<Long> warm = new ArrayList<>(WARM);
    Collections.sort(warm);
    List<Long> wire = new ArrayList<>(WARM_WIRE);
    Collections.sort(wire);
    System.out.printf(
        "learners %d, %d s, think %d ms, joins within %d s: %d lessons finished, %d checks%n",
        learners, seconds, thinkMs, joinMs / 1000, LESSONS.get(), CHECKS.get());
    System.out.println(
        "| learners | time | think | requests | req/s | p50 | p99 | p50 warm | p99 warm | p50 wire"
            + " warm | p99 wire warm | failed requests | failed checks | lost checks | server RSS |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    System.out.printf(
        "| %d | %d s | %.1f s | %d | %.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f"
            + " ms | %d | %d | %d | %d MiB |%n",
        learners,
        seconds,
        thinkMs / 1000.0,
        sorted.size(),
        sorted.size() / (double) seconds,
        pct(sorted, 0.50) / 1e6,
        pct(sorted, 0.99) / 1e6,
        pct(warm, 0.50) / 1e6,
        pct(warm, 0.99) / 1e6,
        pct(wire, 0.50) / 1e6,
        pct(wire, 0.99) / 1e6,
        FAILED_REQUESTS.get(),
        FAILED_CHECKS.get(),
        lost,
        rss / 1024);
  }

  /** Credentials that change as the lesson goes (dev-user's new key, each new role session). */
  static final class Swappable implements AwsCredentialsProvider {
    final AtomicReference<AwsCredentials> current = new AtomicReference<>();

    @Override
    public AwsCredentials resolveCredentials() {
      return current.get();
    }
  }

  /** One simulated learner running assume-role-basics over and over. */
  static final class Learner {
    final WorkshopClient client;
    final WorkshopClient.Joined joined;
    final WorkshopBackend backend;
    final String account;
    final String name;
    final int thinkMs;
    final long end;
    final Map<String, Integer> reported;
    final IamClient iam;
    final S3Client s3;
    final Swappable devUser = new Swappable();
    final Swappable session = new Swappable();
    final S3Client devS3;
    final StsClient devSts;
    final S3Client sessionS3;
    final StsClient sessionSts;
    final DynamoDbClient sessionDynamo;
    int passedThisRun;

    Learner(
        String hostPort,
        String code,
        String name,
        SdkHttpClient http,
        int thinkMs,
        long end,
        Map<String, Integer> reported)
        throws Exception {
      this.name = name;
      this.thinkMs = thinkMs;
      this.end = end;
      this.reported = reported;
      client = new WorkshopClient(hostPort);
      joined = join(code, name);
      backend = new WorkshopBackend(joined, client);
      account = joined.account();
      AccessKeyPair k = AccessKeyPair.parse(joined.adminKey());
      var admin =
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey()));
      URI endpoint = URI.create(joined.endpoint());
      iam =
          IamClient.builder()
              .endpointOverride(endpoint)
              .region(Region.US_EAST_1)
              .httpClient(http)
              .overrideConfiguration(TIMED)
              .credentialsProvider(admin)
              .build();
      s3 = s3(endpoint, http, admin);
      devS3 = s3(endpoint, http, devUser);
      devSts = sts(endpoint, http, devUser);
      sessionS3 = s3(endpoint, http, session);
      sessionSts = sts(endpoint, http, session);
      sessionDynamo =
          DynamoDbClient.builder()
              .endpointOverride(endpoint)
              .region(Region.US_EAST_1)
              .httpClient(http)
              .overrideConfiguration(TIMED)
              .credentialsProvider(session)
              .build();
    }

    /**
     * Joins (the client tries again by itself after a 429: every simulated learner comes from
     * 127.0.0.1, so their joins share the one per-address rate limit, as a room behind one NAT
     * address would), then holds an idle poll for instructor actions as every learner's shell
     * does, untimed: a held poll is not a slow request.
     */
    private WorkshopClient.Joined join(String code, String name) throws Exception {
      WorkshopClient.Joined j = timed(() -> client.join(code, name, "assume-role-basics"));
      // the shell's own watcher (a daemon thread, gone with the bench); no instructor acts here
      new dev.iamkata.workshop.ProgressReporter(client, System.err).watch(said -> {});
      return j;
    }

    void run() throws Exception {
      Thread.sleep(ThreadLocalRandom.current().nextInt(Math.max(1, thinkMs)));
      while (System.nanoTime() < end) {
        lesson();
      }
    }

    private boolean over() {
      return System.nanoTime() >= end;
    }

    /** Returns early when the time is up (a lesson cut short, as in a real workshop's end). */
    void lesson() throws Exception {
      String role = "arn:aws:iam::" + account + ":role/dev-role";
      String devArn = "arn:aws:iam::" + account + ":user/dev-user";
      PHASE.set("reset");
      timed(() -> backend.reset());
      PHASE.set("setup");
      passedThisRun = 0;
      reported.put(name, 0);
      event("started", 1, "user-is-denied");
      timed(() -> iam.createUser(r -> r.userName("dev-user")));
      timed(() -> iam.createUser(r -> r.userName("ops-user")));
      var key = timed(() -> iam.createAccessKey(r -> r.userName("dev-user")).accessKey());
      devUser.current.set(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
      timed(
          () ->
              iam.createRole(
                  r -> r.roleName("dev-role").assumeRolePolicyDocument(trust("ops-user"))));
      timed(
          () ->
              iam.attachRolePolicy(
                  r ->
                      r.roleName("dev-role")
                          .policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")));
      for (String b : List.of("testbucket1", "testbucket2", "testbucket3")) {
        timed(() -> s3.createBucket(r -> r.bucket(b)));
      }
      // 1: dev-user cannot list buckets
      step(1, "user-is-denied", error(() -> devS3.listBuckets()).equals("AccessDenied"));
      if (over()) {
        return;
      }
      // 2: allow dev-user to ask for dev-role; the check simulates it
      timed(
          () ->
              iam.putUserPolicy(
                  r ->
                      r.userName("dev-user")
                          .policyName("assume-dev-role")
                          .policyDocument(
                              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                  + "\"Action\":\"sts:AssumeRole\",\"Resource\":\""
                                  + role
                                  + "\"}]}")));
      var decision =
          timed(
              () ->
                  iam.simulatePrincipalPolicy(
                          r ->
                              r.policySourceArn(devArn)
                                  .actionNames("sts:AssumeRole")
                                  .resourceArns(role))
                      .evaluationResults()
                      .get(0)
                      .evalDecision());
      step(2, "allow-assume-role", decision == PolicyEvaluationDecisionType.ALLOWED);
      if (over()) {
        return;
      }
      // 3: the role must trust dev-user; the check reads the trust policy
      timed(
          () ->
              iam.getRole(r -> r.roleName("dev-role")).role().assumeRolePolicyDocument());
      timed(
          () ->
              iam.updateAssumeRolePolicy(
                  r -> r.roleName("dev-role").policyDocument(trust("dev-user"))));
      String doc =
          timed(
              () -> iam.getRole(r -> r.roleName("dev-role")).role().assumeRolePolicyDocument());
      step(3, "trust-the-user", java.net.URLDecoder.decode(doc, StandardCharsets.UTF_8)
          .contains("user/dev-user"));
      if (over()) {
        return;
      }
      // 4: assume the role
      Credentials c =
          timed(
              () ->
                  devSts
                      .assumeRole(r -> r.roleArn(role).roleSessionName("dev-session"))
                      .credentials());
      step(4, "assume-role", c != null);
      if (over()) {
        return;
      }
      // 5: keep the credentials in a profile (the client's files: no request)
      Credentials kept =
          timed(
              () ->
                  devSts
                      .assumeRole(r -> r.roleArn(role).roleSessionName("dev-session"))
                      .credentials());
      session.current.set(
          AwsSessionCredentials.create(
              kept.accessKeyId(), kept.secretAccessKey(), kept.sessionToken()));
      step(5, "save-profile", true);
      if (over()) {
        return;
      }
      // 6: the session lists the buckets
      boolean listed =
          timed(
              () ->
                  sessionS3.listBuckets().buckets().stream()
                      .anyMatch(b -> b.name().equals("testbucket1")));
      step(6, "session-lists", listed);
      if (over()) {
        return;
      }
      // 7: but has no DynamoDB
      step(
          7,
          "no-dynamodb",
          error(() -> sessionDynamo.listTables()).equals("AccessDeniedException"));
      if (over()) {
        return;
      }
      // 8: dev-user itself is still refused
      step(8, "user-still-denied", error(() -> devS3.listBuckets()).equals("AccessDenied"));
      if (over()) {
        return;
      }
      // 9: who am I
      String arn = timed(() -> sessionSts.getCallerIdentity().arn());
      step(9, "who-am-i", arn.contains("assumed-role/dev-role/dev-session"));
      if (over()) {
        return;
      }
      // 10: wait 1h (the learner's own clock), then the session has expired
      timed(() -> client.advanceClock(Duration.ofHours(1)));
      step(10, "expiry", error(() -> sessionS3.listBuckets()).equals("ExpiredToken"));
      event("finished", STEPS, null);
      LESSONS.incrementAndGet();
    }

    private void step(int n, String id, boolean passed) throws Exception {
      PHASE.set("events");
      CHECKS.incrementAndGet();
      if (!passed) {
        FAILED_CHECKS.incrementAndGet();
        System.err.println(joined.learner() + ": check of step " + n + " failed");
      }
      event("checks", n, id, passed ? "PASS" : "FAIL");
      if (passed) {
        passedThisRun++;
        reported.put(name, passedThisRun);
      }
      // the client reports the step passed, then the learner reads the next step and thinks
      if (passed && n < STEPS) {
        event("step", n + 1, STEP_IDS.get(n));
      }
      think();
      PHASE.set(n < STEPS ? STEP_IDS.get(n) : "finished");
    }

    private void event(String type, int step, String stepId) throws Exception {
      event(type, step, stepId, null);
    }

    private void event(String type, int step, String stepId, String status) throws Exception {
      ObjectNode e = JSON.createObjectNode();
      e.put("type", type);
      e.put("lesson", "assume-role-basics");
      e.put("step", step);
      e.put("steps", STEPS);
      if (stepId != null) {
        e.put("stepId", stepId);
      }
      if ("checks".equals(type)) {
        ObjectNode check = e.putArray("checks").addObject();
        check.put("kind", "state");
        check.put("description", stepId);
        check.put("status", status);
        check.put("millis", 1);
      }
      timed(() -> client.event(e));
    }

    private void think() throws InterruptedException {
      Thread.sleep(thinkMs / 2 + ThreadLocalRandom.current().nextInt(Math.max(1, thinkMs)));
    }

    private String trust(String user) {
      return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"AWS\":\"arn:aws:iam::"
          + account
          + ":user/"
          + user
          + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }
  }

  private static S3Client s3(URI endpoint, SdkHttpClient http, AwsCredentialsProvider creds) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .httpClient(http)
        .overrideConfiguration(TIMED)
        .credentialsProvider(creds)
        .build();
  }

  private static StsClient sts(URI endpoint, SdkHttpClient http, AwsCredentialsProvider creds) {
    return StsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .httpClient(http)
        .overrideConfiguration(TIMED)
        .credentialsProvider(creds)
        .build();
  }

  interface Call<T> {
    T run() throws Exception;
  }

  interface Action {
    void run() throws Exception;
  }

  /** Times one request; an unexpected failure counts and is rethrown (the lesson stops). */
  private static <T> T timed(Call<T> call) throws Exception {
    WIRE.get()[1] = 0;
    WIRE.get()[0] = 0;
    long t0 = System.nanoTime();
    try {
      return call.run();
    } catch (Exception e) {
      if (FAILED_REQUESTS.incrementAndGet() <= 5) {
        System.err.println("failed: " + e);
      }
      throw e;
    } finally {
      note(t0);
    }
  }

  /**
   * The SDK's wire time of the current request on this thread: from just before it is sent (after
   * marshalling and signing) to its response headers (before unmarshalling), summed over retries.
   * The bench's SDK clients share the server's two cores and spend more CPU per request than the
   * server; the wire time leaves the client's own work out, so it is what a learner on their own
   * machine would see, queueing for the server's threads and CPU included.
   */
  private static final ThreadLocal<long[]> WIRE = ThreadLocal.withInitial(() -> new long[2]);

  private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("bench-sent");

  /** Times the SDK's transmissions into {@link #WIRE}. */
  static final class WireTimer implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
      a.putAttribute(SENT, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission c, ExecutionAttributes a) {
      Long sent = a.getAttribute(SENT);
      if (sent != null) {
        long[] w = WIRE.get();
        w[0] += System.nanoTime() - sent;
        w[1]++;
      }
    }
  }

  private static final ClientOverrideConfiguration TIMED =
      ClientOverrideConfiguration.builder().addExecutionInterceptor(new WireTimer()).build();

  /** The step being run, as the label of slow requests. */
  private static final ThreadLocal<String> PHASE = ThreadLocal.withInitial(() -> "join");

  private static void note(long t0) {
    long took = System.nanoTime() - t0;
    long[] w = WIRE.get();
    // the workshop API's calls (plain HTTP, no SDK) count whole
    long wire = w[1] > 0 ? w[0] : took;
    w[0] = 0;
    w[1] = 0;
    LATENCIES.add(took);
    if (t0 - T0 >= WARMUP_NANOS) {
      WARM.add(took);
      WARM_WIRE.add(wire);
    }
    if (took > 50_000_000L) {
      SLOW.add((t0 - T0) + " " + PHASE.get());
    }
  }

  private static void timed(Action action) throws Exception {
    timed(
        () -> {
          action.run();
          return null;
        });
  }

  /** Times a request the lesson expects AWS to refuse; returns the error code ("" if none). */
  private static String error(Action action) {
    WIRE.get()[1] = 0;
    WIRE.get()[0] = 0;
    long t0 = System.nanoTime();
    try {
      action.run();
      return "";
    } catch (AwsServiceException e) {
      return e.awsErrorDetails().errorCode();
    } catch (Exception e) {
      FAILED_REQUESTS.incrementAndGet();
      return e.toString();
    } finally {
      note(t0);
    }
  }

  /**
   * The checks learners reported passed in their current run that the server's grades lack: per
   * learner, the grades' passed checks must be as many as the learner reported.
   */
  private static int lostChecks(String hostPort, String token, Map<String, Integer> reported)
      throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://" + hostPort + "/api/grades?format=json&token=" + token))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    int lost = 0;
    int graded = 0;
    for (JsonNode report : JSON.readTree(r.body())) {
      graded++;
      int sent = reported.getOrDefault(report.path("learner").asText(), 0);
      int kept = report.path("summary").path("passed").asInt();
      if (kept != sent) {
        System.err.println(report.path("learner").asText() + ": sent " + sent + ", graded " + kept);
      }
      lost += Math.max(0, sent - kept);
    }
    return lost + Math.max(0, reported.size() - graded);
  }

  private static long pct(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * p));
  }

  /** User plus system CPU time of the process so far (clock ticks of /proc/PID/stat, 100 a second). */
  private static double cpuSeconds(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
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
