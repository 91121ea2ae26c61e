package dev.iamkata.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.run.LessonRunner;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.BuiltinAwsExecutor;
import dev.iamkata.shell.ShellSession;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Several learners in one JVM against one workshop server over real HTTP: isolation, progress on
 * the dashboard's event stream, grades matching the checks, and a restart on the same database.
 */
class WorkshopIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;

  @Test
  void learnersAreIsolatedProgressIsLiveGradesMatchAndARestartKeepsEverything() throws Exception {
    Path db = dir.resolve("room.db");
    Lesson lesson = LessonLoader.load(Path.of("src/test/resources/grade/lessons/two-steps"));
    Workshop w =
        Workshop.open(db, "room", 0, InetAddress.getLoopbackAddress(), Set.of(), Clock.systemUTC());
    WorkshopHttp http =
        WorkshopHttp.start(w, InetAddress.getLoopbackAddress(), 0, Clock.systemUTC());
    String server = "127.0.0.1:" + http.port();
    String base = "http://" + server;
    String token = w.instructorToken();
    List<String> stream = new CopyOnWriteArrayList<>();
    HTTP.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/api/events/stream?token=" + token)).build(),
            HttpResponse.BodyHandlers.ofLines())
        .thenAccept(r -> r.body().forEach(stream::add));

    assertEquals(
        403,
        assertThrows(
                WorkshopException.class,
                () -> new WorkshopClient(server).join("WRONGCODE", "mallory", "two-steps"))
            .status());
    WorkshopClient a = new WorkshopClient(server);
    WorkshopClient.Joined ja = a.join(w.joinCode(), "alice", "two-steps");
    WorkshopClient b = new WorkshopClient(server);
    WorkshopClient.Joined jb = b.join(w.joinCode(), "bob", "two-steps");
    assertEquals(
        409,
        assertThrows(
                WorkshopException.class,
                () -> new WorkshopClient(server).join(w.joinCode(), "Alice", null))
            .status());
    assertTrue(!ja.account().equals(jb.account()) && !ja.account().equals(ja.secondAccount()));

    run(lesson, ja, a, List.of("aws sts get-caller-identity", "aws s3 ls --profile dev-user"));
    run(lesson, jb, b, List.of("aws sts get-caller-identity"));

    // after the lessons started (a start resets the learner's accounts)
    // isolation: A's bucket is not in B's world at all (each learner is a tenant of their own)
    s3(ja.endpoint(), ja.adminKey()).createBucket(r -> r.bucket("alice-notes"));
    S3Exception denied =
        assertThrows(
            S3Exception.class,
            () -> s3(jb.endpoint(), jb.adminKey()).listObjectsV2(r -> r.bucket("alice-notes")));
    assertEquals("NoSuchBucket", denied.awsErrorDetails().errorCode());
    // a learner's token opens no instructor route
    assertEquals(401, get(base + "/api/progress?token=" + ja.token()).statusCode());
    assertEquals(401, get(base + "/api/progress").statusCode());

    JsonNode progress =
        WorkshopStore.JSON.readTree(get(base + "/api/progress?token=" + token).body());
    assertEquals(2, progress.size());
    JsonNode alice = progress.get(0);
    JsonNode bob = progress.get(1);
    assertEquals("alice", alice.path("name").asText());
    assertEquals("two-steps", alice.path("lesson").asText());
    assertEquals(2, alice.path("step").asInt(), alice.toString());
    assertEquals(1, alice.path("checksFailed").asInt(), alice.toString());
    assertEquals(2, bob.path("step").asInt(), bob.toString());
    assertTrue(!progress.toString().contains(ja.token()), "no tokens in progress");

    waitFor(
        () ->
            stream.stream()
                .anyMatch(l -> l.contains("\"name\":\"bob\"") && l.contains("\"step\":2")));

    JsonNode grades =
        WorkshopStore.JSON.readTree(get(base + "/api/grades?format=json&token=" + token).body());
    assertEquals(2, grades.size());
    JsonNode aliceSteps = grades.get(0).path("steps");
    assertEquals(
        "pass", aliceSteps.get(0).path("checks").get(0).path("status").asText(), grades.toString());
    assertEquals("fail", aliceSteps.get(1).path("checks").get(0).path("status").asText());
    String csv = get(base + "/api/grades?format=csv&token=" + token).body();
    assertTrue(csv.lines().anyMatch(l -> l.startsWith("alice,two-steps,")), csv);
    String junit = get(base + "/api/grades?format=junit&token=" + token).body();
    assertTrue(
        junit.contains("<testsuite name=\"alice/") && junit.contains("<testsuite name=\"bob/"),
        junit);

    // restart on the same database: learners, tokens, progress and AWS state are back
    http.close();
    w.close();
    Workshop again =
        Workshop.open(db, "room", 0, InetAddress.getLoopbackAddress(), Set.of(), Clock.systemUTC());
    try {
      assertEquals(w.joinCode(), again.joinCode());
      assertEquals(2, again.progress().size());
      assertEquals(2, again.progress().get(0).path("step").asInt());
      assertEquals("alice", again.learnerByToken(ja.token()).name);
      assertEquals(
          1,
          s3(ja.endpoint(), ja.adminKey()).listBuckets().buckets().stream()
              .filter(x -> x.name().equals("alice-notes"))
              .count());
    } finally {
      again.close();
    }
  }

  private void run(
      Lesson lesson, WorkshopClient.Joined joined, WorkshopClient client, List<String> lines)
      throws Exception {
    WorkshopBackend backend = new WorkshopBackend(joined, client);
    try (BuiltinAwsExecutor aws = new BuiltinAwsExecutor();
        ShellSession session =
            ShellSession.open(
                new ShellSession.Config(
                    backend.endpoint(),
                    backend.region(),
                    backend.accountId(),
                    backend.adminKey(backend.accountId()),
                    backend,
                    lesson.id(),
                    new AwsModes(List.of(aws), null),
                    "en"),
                Map.of());
        LessonRunner runner =
            new LessonRunner(
                lesson,
                backend,
                session.runner(),
                dir.resolve(joined.learner()),
                null,
                Clock.systemUTC())) {
      runner.addListener(new ProgressReporter(client, System.err));
      session.attachLesson(runner);
      runner.start();
      // the lesson has no setup: the learner works with their own admin key
      AccessKeyPair key = AccessKeyPair.parse(joined.adminKey());
      runner.run("export AWS_ACCESS_KEY_ID=" + key.accessKeyId());
      runner.run("export AWS_SECRET_ACCESS_KEY=" + key.secretAccessKey());
      for (String line : lines) {
        runner.submit(line);
      }
    }
  }

  @Test
  void oversizedBodiesAndFloodsAreRefused() throws Exception {
    Workshop w =
        Workshop.open(
            dir.resolve("limits.db"),
            "limits",
            0,
            InetAddress.getLoopbackAddress(),
            Set.of("two-steps"),
            Clock.systemUTC());
    // A stopped clock: the buckets never refill, so the flood is refused however slowly a loaded
    // machine sends it.
    Clock stopped = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    try (WorkshopHttp http = WorkshopHttp.start(w, InetAddress.getLoopbackAddress(), 0, stopped)) {
      String join = "http://127.0.0.1:" + http.port() + "/api/join";
      HttpResponse<String> big =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(join))
                  .POST(HttpRequest.BodyPublishers.ofString("x".repeat(WorkshopHttp.MAX_BODY + 1)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(413, big.statusCode());
      WorkshopException other =
          assertThrows(
              WorkshopException.class,
              () ->
                  new WorkshopClient("127.0.0.1:" + http.port()).join(w.joinCode(), "x", "other"));
      assertEquals(400, other.status());
      // all at once: sent one after another on a busy machine they may come slower than the rate
      List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> flood =
          new java.util.ArrayList<>();
      for (int i = 0; i < 4 * WorkshopHttp.RATE; i++) {
        flood.add(
            HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(join))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      int refused = 0;
      for (var r : flood) {
        if (r.get().statusCode() == 429) {
          refused++;
          assertEquals("1", r.get().headers().firstValue("Retry-After").orElse(null));
        }
      }
      // 3 × RATE requests against a burst of 2 × RATE: at least RATE of them, less the two above.
      assertTrue(refused >= WorkshopHttp.RATE - 2, "a flood from one address gets 429: " + refused);
    } finally {
      w.close();
    }
  }

  private static S3Client s3(String endpoint, String key) {
    AccessKeyPair k = AccessKeyPair.parse(key);
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey())))
        .build();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting");
      }
      Thread.sleep(50);
    }
  }
}
