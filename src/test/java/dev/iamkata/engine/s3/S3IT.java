package dev.iamkata.engine.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.TestEngine;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** S3's bucket and object operations through the AWS SDK for Java v2, path-style. */
class S3IT {
  static TestEngine engine;
  static S3Client s3;

  @BeforeAll
  static void start() {
    engine = TestEngine.start();
    s3 = engine.adminS3();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static AwsCredentials otherAdmin() {
    AccessKeyPair key = engine.engine().adminKey("210987654321");
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  @Test
  void bucketLifecycle() {
    s3.createBucket(b -> b.bucket("life-bucket"));
    List<String> names = s3.listBuckets().buckets().stream().map(Bucket::name).toList();
    assertTrue(names.contains("life-bucket"), names.toString());
    s3.headBucket(b -> b.bucket("life-bucket"));
    s3.putObject(b -> b.bucket("life-bucket").key("k"), RequestBody.fromString("x"));
    S3Exception notEmpty =
        assertThrows(S3Exception.class, () -> s3.deleteBucket(b -> b.bucket("life-bucket")));
    assertEquals("BucketNotEmpty", notEmpty.awsErrorDetails().errorCode());
    assertEquals(409, notEmpty.statusCode());
    assertEquals(
        "The bucket you tried to delete is not empty", notEmpty.awsErrorDetails().errorMessage());
    s3.deleteObject(b -> b.bucket("life-bucket").key("k"));
    s3.deleteBucket(b -> b.bucket("life-bucket"));
    assertThrows(NoSuchBucketException.class, () -> s3.headBucket(b -> b.bucket("life-bucket")));
    NoSuchBucketException gone =
        assertThrows(
            NoSuchBucketException.class, () -> s3.listObjectsV2(b -> b.bucket("life-bucket")));
    assertEquals("The specified bucket does not exist", gone.awsErrorDetails().errorMessage());
  }

  @Test
  void objectsRoundTrip() {
    s3.createBucket(b -> b.bucket("objects"));
    s3.putObject(
        b ->
            b.bucket("objects")
                .key("dir/hello.txt")
                .contentType("text/plain")
                .metadata(Map.of("color", "blue")),
        RequestBody.fromString("hello world"));
    ResponseBytes<GetObjectResponse> got =
        s3.getObjectAsBytes(b -> b.bucket("objects").key("dir/hello.txt"));
    assertEquals("hello world", got.asUtf8String());
    assertEquals("text/plain", got.response().contentType());
    assertEquals("blue", got.response().metadata().get("color"));
    assertEquals("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"", got.response().eTag());
    HeadObjectResponse head = s3.headObject(b -> b.bucket("objects").key("dir/hello.txt"));
    assertEquals(11L, head.contentLength());
    NoSuchKeyException missing =
        assertThrows(
            NoSuchKeyException.class, () -> s3.getObject(b -> b.bucket("objects").key("nope")));
    assertEquals("The specified key does not exist.", missing.awsErrorDetails().errorMessage());
    S3Exception headMissing =
        assertThrows(S3Exception.class, () -> s3.headObject(b -> b.bucket("objects").key("nope")));
    assertEquals(404, headMissing.statusCode());
    ResponseBytes<GetObjectResponse> range =
        s3.getObjectAsBytes(b -> b.bucket("objects").key("dir/hello.txt").range("bytes=6-"));
    assertEquals("world", range.asUtf8String());
    byte[] binary = new byte[70_000];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31);
    }
    s3.putObject(b -> b.bucket("objects").key("bin"), RequestBody.fromBytes(binary));
    assertArrayEquals(
        binary, s3.getObjectAsBytes(b -> b.bucket("objects").key("bin")).asByteArray());
    s3.copyObject(
        b ->
            b.sourceBucket("objects")
                .sourceKey("dir/hello.txt")
                .destinationBucket("objects")
                .destinationKey("copy.txt"));
    assertEquals(
        "hello world",
        s3.getObjectAsBytes(b -> b.bucket("objects").key("copy.txt")).asUtf8String());
    S3Exception toItself =
        assertThrows(
            S3Exception.class,
            () ->
                s3.copyObject(
                    b ->
                        b.sourceBucket("objects")
                            .sourceKey("copy.txt")
                            .destinationBucket("objects")
                            .destinationKey("copy.txt")));
    assertEquals("InvalidRequest", toItself.awsErrorDetails().errorCode());
  }

  @Test
  void listObjectsV2WithPrefixDelimiterAndPages() {
    s3.createBucket(b -> b.bucket("listing"));
    for (String key : List.of("a/1", "a/2", "b/1", "c", "d", "e/f/g")) {
      s3.putObject(b -> b.bucket("listing").key(key), RequestBody.fromString(key));
    }
    ListObjectsV2Response all = s3.listObjectsV2(b -> b.bucket("listing"));
    assertEquals(
        List.of("a/1", "a/2", "b/1", "c", "d", "e/f/g"),
        all.contents().stream().map(S3Object::key).toList());
    ListObjectsV2Response top = s3.listObjectsV2(b -> b.bucket("listing").delimiter("/"));
    assertEquals(List.of("c", "d"), top.contents().stream().map(S3Object::key).toList());
    assertEquals(
        List.of("a/", "b/", "e/"),
        top.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
    ListObjectsV2Response inA = s3.listObjectsV2(b -> b.bucket("listing").prefix("a/"));
    assertEquals(2, inA.keyCount());
    ListObjectsV2Response page1 =
        s3.listObjectsV2(b -> b.bucket("listing").delimiter("/").maxKeys(2));
    assertTrue(page1.isTruncated());
    assertEquals(
        List.of("a/", "b/"), page1.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
    ListObjectsV2Response page2 =
        s3.listObjectsV2(
            b ->
                b.bucket("listing")
                    .delimiter("/")
                    .maxKeys(2)
                    .continuationToken(page1.nextContinuationToken()));
    assertEquals(List.of("c", "d"), page2.contents().stream().map(S3Object::key).toList());
    assertTrue(page2.isTruncated());
    ListObjectsV2Response page3 =
        s3.listObjectsV2(
            b ->
                b.bucket("listing")
                    .delimiter("/")
                    .maxKeys(2)
                    .continuationToken(page2.nextContinuationToken()));
    assertFalse(page3.isTruncated());
    assertEquals(List.of("e/"), page3.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
    List<String> paged =
        s3.listObjectsV2Paginator(b -> b.bucket("listing").maxKeys(1)).contents().stream()
            .map(S3Object::key)
            .toList();
    assertEquals(6, paged.size());
    // the original ListObjects pages by marker
    ListObjectsResponse v1 = s3.listObjects(b -> b.bucket("listing").delimiter("/").maxKeys(2));
    assertTrue(v1.isTruncated());
    assertEquals("b/", v1.nextMarker());
    ListObjectsResponse v1next =
        s3.listObjects(b -> b.bucket("listing").delimiter("/").marker(v1.nextMarker()));
    assertEquals(List.of("c", "d"), v1next.contents().stream().map(S3Object::key).toList());
    assertEquals(
        List.of("e/"), v1next.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
  }

  @Test
  void unservedApisAreNotImplemented() {
    s3.createBucket(b -> b.bucket("plain"));
    S3Exception e =
        assertThrows(S3Exception.class, () -> s3.getBucketVersioning(b -> b.bucket("plain")));
    assertEquals("NotImplemented", e.awsErrorDetails().errorCode());
    assertEquals(501, e.statusCode());
  }

  @Test
  void deleteObjectsInOneRequest() {
    s3.createBucket(b -> b.bucket("batch"));
    for (String key : List.of("x", "y", "z")) {
      s3.putObject(b -> b.bucket("batch").key(key), RequestBody.fromString(key));
    }
    var result =
        s3.deleteObjects(
            b ->
                b.bucket("batch")
                    .delete(
                        d ->
                            d.objects(
                                ObjectIdentifier.builder().key("x").build(),
                                ObjectIdentifier.builder().key("z").build())));
    assertEquals(List.of("x", "z"), result.deleted().stream().map(DeletedObject::key).toList());
    assertEquals(
        List.of("y"),
        s3.listObjectsV2(b -> b.bucket("batch")).contents().stream().map(S3Object::key).toList());
  }

  @Test
  void presignedGetWorksWithoutCredentials() throws Exception {
    s3.createBucket(b -> b.bucket("presigned"));
    s3.putObject(b -> b.bucket("presigned").key("a b.txt"), RequestBody.fromString("shared"));
    try (S3Presigner presigner =
        S3Presigner.builder()
            .endpointOverride(URI.create(engine.endpoint()))
            .region(Region.US_EAST_1)
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(StaticCredentialsProvider.create(TestEngine.admin()))
            .build()) {
      URL url =
          presigner
              .presignGetObject(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(5))
                          .getObjectRequest(g -> g.bucket("presigned").key("a b.txt")))
              .url();
      HttpResponse<String> got =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(url.toURI()).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, got.statusCode(), got.body());
      assertEquals("shared", got.body());
      HttpResponse<String> forged =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url.toString().replace("a%20b", "a%20c")))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(403, forged.statusCode());
      HttpResponse<String> anonymous =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(engine.endpoint() + "/presigned/a%20b.txt"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(403, anonymous.statusCode());
      assertTrue(
          anonymous.body().contains("<Code>AccessDenied</Code><Message>Access Denied</Message>"),
          anonymous.body());
      assertTrue(forged.body().contains("<Code>SignatureDoesNotMatch</Code>"), forged.body());
    }
  }

  @Test
  void bucketNamesAreGlobal() {
    s3.createBucket(b -> b.bucket("taken"));
    // us-east-1 answers the owner's repeated CreateBucket with 200
    s3.createBucket(b -> b.bucket("taken"));
    S3Client other = engine.s3(otherAdmin());
    S3Exception e =
        assertThrows(S3Exception.class, () -> other.createBucket(b -> b.bucket("taken")));
    assertEquals("BucketAlreadyExists", e.awsErrorDetails().errorCode());
    assertThrows(
        BucketAlreadyOwnedByYouException.class,
        () ->
            s3.createBucket(
                b ->
                    b.bucket("taken")
                        .createBucketConfiguration(c -> c.locationConstraint("eu-west-1"))));
  }
}
