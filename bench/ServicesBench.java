import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Services benchmark, run by bench/services-bench: signed S3 ListBuckets and DynamoDB GetItem
 * requests per second from 16 concurrent AWS SDK callers, against `kata engine` and against
 * moto's server on the same machine, in one run. Prints a table with the ratio; asserts nothing.
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
          "%d concurrent callers, %d s per measurement after %d s of warm-up%n%n", CALLERS, run, warm);
      System.out.println("| request | iam-kata req/s | moto req/s | ratio |");
      System.out.println("|---|---:|---:|---:|");
      for (String op : new String[] {"s3:ListBuckets", "dynamodb:GetItem"}) {
        double kata = measure(engineUrl, op, warm, run);
        double mo = measure(motoUrl, op, warm, run);
        System.out.printf("| %s | %,.0f | %,.0f | %.1f× |%n", op, kata, mo, kata / mo);
      }
    } finally {
      engine.destroy();
      moto.destroy();
    }
  }

  static double measure(String url, String op, int warm, int run) throws Exception {
    SdkHttpClient http = ApacheHttpClient.builder().maxConnections(CALLERS).build();
    StaticCredentialsProvider creds =
        StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));
    S3Client s3 =
        S3Client.builder()
            .endpointOverride(URI.create(url))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .httpClient(http)
            .credentialsProvider(creds)
            .build();
    DynamoDbClient ddb =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(url))
            .region(Region.US_EAST_1)
            .httpClient(http)
            .credentialsProvider(creds)
            .build();
    Runnable call;
    if (op.startsWith("s3")) {
      s3.createBucket(b -> b.bucket("bench-bucket"));
      call = s3::listBuckets;
    } else {
      ddb.createTable(
          t ->
              t.tableName("Bench")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                  .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
      Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("1"));
      ddb.putItem(p -> p.tableName("Bench").item(Map.of("id", AttributeValue.fromS("1"), "v", AttributeValue.fromS("x"))));
      call = () -> ddb.getItem(g -> g.tableName("Bench").key(key));
    }
    loop(call, warm);
    double perSecond = loop(call, run);
    s3.close();
    ddb.close();
    http.close();
    return perSecond;
  }

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
