import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Services benchmark, run by bench/services-bench: signed S3 ListBuckets and DynamoDB GetItem
 * requests per second from 16 concurrent callers, against `kata engine` and against moto's server
 * on the same machine, in one run. Two kinds of callers (-Dclients=sdk,raw by default):
 *
 * <ul>
 *   <li>sdk: AWS SDK for Java v2 clients, each call built, signed and parsed by the SDK;
 *   <li>raw: one request per operation signed once with the SDK's SigV4 signer, then sent again
 *       and again by a java.net.http client, its body discarded. The client does almost no work,
 *       so on a small machine this measures the servers rather than the SDK. The signature stays
 *       valid for the run (15 minutes of skew); the engine verifies it on every request, moto
 *       does not check signatures at all.
 * </ul>
 *
 * Prints a table per kind with the ratio; asserts nothing.
 */
public final class ServicesBench {
  static final String KEY = "AKIAIOSFODNN7EXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final int CALLERS = 16;

  public static void main(String[] args) throws Exception {
    String jar = args.length > 0 ? args[0] : "target/iam-kata.jar";
    int warm = Integer.getInteger("warm", 3);
    int run = Integer.getInteger("run", 6);
    Process engine =
        new ProcessBuilder(
                "java", "-XX:+UseSerialGC", "-jar", jar, "engine", "--admin-key", KEY + ":" + SECRET)
            .redirectErrorStream(true)
            .start();
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
    try {
      System.out.printf(
          "%d concurrent callers, %d s per measurement after %d s of warm-up%n", CALLERS, run, warm);
      for (String op : new String[] {"s3:ListBuckets", "dynamodb:GetItem"}) {
        setUp(engineUrl, op);
        setUp(motoUrl, op);
      }
      for (String clients : System.getProperty("clients", "sdk,raw").split(",")) {
        System.out.printf("%n%s callers%n%n", clients);
        System.out.println("| request | iam-kata req/s | moto req/s | ratio |");
        System.out.println("|---|---:|---:|---:|");
        for (String op : new String[] {"s3:ListBuckets", "dynamodb:GetItem"}) {
          double kata = measure(clients, engineUrl, op, warm, run);
          double mo = measure(clients, motoUrl, op, warm, run);
          System.out.printf("| %s | %,.0f | %,.0f | %.1f× |%n", op, kata, mo, kata / mo);
        }
      }
    } finally {
      engine.destroy();
      moto.destroy();
    }
  }

  /** The bucket and the table with its one item, made once on each server. */
  static void setUp(String url, String op) {
    try (S3Client s3 = s3(url, null);
        DynamoDbClient ddb = dynamodb(url, null)) {
      if (op.startsWith("s3")) {
        s3.createBucket(b -> b.bucket("bench-bucket"));
      } else {
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
  }

  static S3Client s3(String url, SdkHttpClient http) {
    S3ClientBuilder b =
        S3Client.builder()
            .endpointOverride(URI.create(url))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(CREDS);
    if (http != null) {
      b.httpClient(http);
    }
    return b.build();
  }

  static DynamoDbClient dynamodb(String url, SdkHttpClient http) {
    DynamoDbClientBuilder b =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(url))
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDS);
    if (http != null) {
      b.httpClient(http);
    }
    return b.build();
  }

  static final StaticCredentialsProvider CREDS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));

  static double measure(String clients, String url, String op, int warm, int run)
      throws Exception {
    if (clients.equals("raw")) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request = presigned(url, op);
      Runnable call =
          () -> {
            try {
              int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
              if (status != 200) {
                throw new IllegalStateException(op + " answered " + status + " at " + url);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
          };
      call.run();
      loop(call, warm);
      return loop(call, run);
    }
    SdkHttpClient http = ApacheHttpClient.builder().maxConnections(CALLERS).build();
    S3Client s3 = s3(url, http);
    DynamoDbClient ddb = dynamodb(url, http);
    Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("1"));
    Runnable call =
        op.startsWith("s3") ? s3::listBuckets : () -> ddb.getItem(g -> g.tableName("Bench").key(key));
    loop(call, warm);
    double perSecond = loop(call, run);
    s3.close();
    ddb.close();
    http.close();
    return perSecond;
  }

  /** The operation's request, signed once by the SDK's SigV4 signer, for java.net.http. */
  static HttpRequest presigned(String url, String op) {
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
    HttpRequest.Builder out =
        HttpRequest.newBuilder(URI.create(url + "/"))
            .method(
                s3 ? "GET" : "POST",
                s3
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> out.header(name, v));
              }
            });
    return out.build();
  }

  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  static double loop(Runnable call, int seconds) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder done = new LongAdder();
    CountDownLatch finished = new CountDownLatch(CALLERS);
    for (int i = 0; i < CALLERS; i++) {
      new Thread(
              () -> {
                while (!stop.get()) {
                  call.run();
                  done.increment();
                }
                finished.countDown();
              })
          .start();
    }
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    finished.await();
    return done.sum() / ((System.nanoTime() - t0) / 1e9);
  }

  static String readyLine(Process p) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("iam-kata engine ready at ")) {
        return line.substring("iam-kata engine ready at ".length()).trim();
      }
    }
    throw new IllegalStateException("engine exited without its ready line");
  }

  static void waitForPort(int port) throws Exception {
    for (int i = 0; i < 300; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("moto_server did not start on port " + port);
  }
}
