package dev.iamkata.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamkata.engine.AccessKeyPair;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code kata serve} and {@code kata join} as separate processes from the packaged jar: learners
 * progress, the server is killed with SIGKILL, started again on the same database, and every
 * learner's progress and AWS state are there.
 */
@Tag("slow")
class WorkshopProcessIT {
  private static final Pattern DASHBOARD =
      Pattern.compile("instructor dashboard: http://([^/]+)/\\?token=(\\w+)");
  private static final Pattern CODE = Pattern.compile("join code: (\\w+)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;

  record Server(Process process, String hostPort, String token, String code) {}

  private Server serve(Path db) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            java(), "-jar", "target/iam-kata.jar", "serve", "--port", "0", "--db", db.toString());
    pb.environment().put("IAM_KATA_HOME", dir.resolve("server-home").toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String hostPort = null;
    String token = null;
    String code = null;
    List<String> seen = new ArrayList<>();
    while (code == null) {
      String line = out.readLine();
      if (line == null) {
        throw new AssertionError("kata serve ended: " + seen);
      }
      seen.add(line);
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
    Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
    drain.setDaemon(true);
    drain.start();
    return new Server(p, hostPort, token, code);
  }

  private int join(Server s, String name, String lesson, String script) throws Exception {
    Path file = dir.resolve(name + ".sh");
    Files.writeString(file, script);
    ProcessBuilder pb =
        new ProcessBuilder(
            java(),
            "-jar",
            "target/iam-kata.jar",
            "join",
            s.hostPort(),
            s.code(),
            "--name",
            name,
            "--lesson",
            lesson,
            "--batch",
            file.toString());
    pb.environment().put("IAM_KATA_HOME", dir.resolve(name).toString());
    pb.environment().put("IAM_KATA_LESSONS", Path.of("lessons").toAbsolutePath().toString());
    pb.redirectOutput(dir.resolve(name + ".out").toFile());
    pb.redirectError(dir.resolve(name + ".err").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), name + " did not finish");
    return p.exitValue();
  }

  @Test
  void aKilledServerRestartsWithEveryLearnersProgressAndAwsState() throws Exception {
    Path db = dir.resolve("room.db");
    Server first = serve(db);
    try {
      join(first, "alice", "assume-role-basics", "aws s3 ls --profile dev-user\nhint\n");
      String aliceErr = Files.readString(dir.resolve("alice.err"));
      assertTrue(!aliceErr.contains("could not report"), aliceErr);
      // a second learner's setup makes the same testbucket1..3 in their own world
      join(first, "bob", "assume-role-basics", "aws s3 ls --profile dev-user\n");
      String bobErr = Files.readString(dir.resolve("bob.err"));
      assertTrue(!bobErr.contains("BucketAlreadyExists"), bobErr);
      // a learner client in this JVM: its own bucket, then an event so the engine is saved
      WorkshopClient carol = new WorkshopClient(first.hostPort());
      WorkshopClient.Joined jc = carol.join(first.code(), "carol", "assume-role-basics");
      s3(jc).createBucket(r -> r.bucket("carol-kept"));
      carol.event(
          (com.fasterxml.jackson.databind.node.ObjectNode)
              WorkshopStore.JSON.readTree("{\"type\":\"hint\"}"));
      JsonNode before = progress(first);
      assertEquals("alice", before.get(0).path("name").asText());
      assertEquals(2, before.get(0).path("step").asInt(), before.toString());
      assertEquals(1, before.get(0).path("hintsUsed").asInt(), before.toString());
      Thread.sleep(2500); // the engine snapshot is written within a second of the last event
    } finally {
      first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
      first.process().waitFor(10, TimeUnit.SECONDS);
    }
    Server again = serve(db);
    try {
      assertEquals(first.code(), again.code());
      assertEquals(first.token(), again.token());
      JsonNode after = progress(again);
      assertEquals(3, after.size(), after.toString());
      assertEquals(2, after.get(0).path("step").asInt(), after.toString());
      assertEquals(1, after.get(0).path("hintsUsed").asInt());
      assertEquals("bob", after.get(1).path("name").asText());
      assertEquals(2, after.get(1).path("step").asInt(), after.toString());
      assertEquals(1, after.get(2).path("hintsUsed").asInt());
      WorkshopClient.Joined jc = rejoinKeys(again);
      assertTrue(
          s3(jc).listBuckets().buckets().stream().anyMatch(b -> b.name().equals("carol-kept")));
    } finally {
      again.process().destroy();
      again.process().waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** Carol's keys from the database the server wrote (what her client kept in memory). */
  private WorkshopClient.Joined rejoinKeys(Server s) throws Exception {
    try (WorkshopStore store = WorkshopStore.open(dir.resolve("room.db"))) {
      LearnerState carol =
          store.learners().stream().filter(l -> l.name.equals("carol")).findFirst().orElseThrow();
      String port = store.meta("enginePort").orElseThrow();
      return new WorkshopClient.Joined(
          carol.id,
          carol.token,
          "http://127.0.0.1:" + port,
          "us-east-1",
          carol.account,
          carol.adminKey,
          carol.secondAccount,
          carol.secondAdminKey,
          carol.lesson);
    }
  }

  private static JsonNode progress(Server s) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://" + s.hostPort() + "/api/progress"))
                .header("Authorization", "Bearer " + s.token())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return WorkshopStore.JSON.readTree(r.body());
  }

  private static S3Client s3(WorkshopClient.Joined j) {
    AccessKeyPair k = AccessKeyPair.parse(j.adminKey());
    return S3Client.builder()
        .endpointOverride(URI.create(j.endpoint()))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey())))
        .build();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
