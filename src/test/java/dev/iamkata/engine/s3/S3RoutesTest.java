package dev.iamkata.engine.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.protocol.restxml.RestXmlProtocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3RoutesTest {
  final S3Routes routes = new S3Routes();

  RestXmlProtocol.Resolved resolve(String method, String path, String query, String host) {
    return resolve(method, path, query, host, Map.of());
  }

  RestXmlProtocol.Resolved resolve(
      String method, String path, String query, String host, Map<String, List<String>> extra) {
    Map<String, List<String>> headers = new java.util.HashMap<>(extra);
    headers.put("host", List.of(host));
    return routes.resolve(new HttpRequest(method, path, query, headers, new byte[0], "127.0.0.1"));
  }

  @Test
  void pathStyle() {
    assertEquals("ListBuckets", resolve("GET", "/", null, "127.0.0.1:1").operation());
    assertEquals("CreateBucket", resolve("PUT", "/b", null, "127.0.0.1:1").operation());
    assertEquals("ListObjectsV2", resolve("GET", "/b", "list-type=2", "127.0.0.1:1").operation());
    assertEquals("PutBucketPolicy", resolve("PUT", "/b", "policy", "127.0.0.1:1").operation());
    RestXmlProtocol.Resolved get = resolve("GET", "/b/dir/a%20b%2Bc+d", null, "127.0.0.1:1");
    assertEquals("GetObject", get.operation());
    assertEquals(Map.of("Bucket", "b", "Key", "dir/a b+c+d"), get.labels());
    assertEquals(
        "CreateMultipartUpload", resolve("POST", "/b/k", "uploads", "127.0.0.1:1").operation());
    assertEquals(
        "UploadPart", resolve("PUT", "/b/k", "partNumber=1&uploadId=x", "127.0.0.1:1").operation());
    assertEquals(
        "CopyObject",
        resolve("PUT", "/b/k", null, "127.0.0.1:1", Map.of("x-amz-copy-source", List.of("a/b")))
            .operation());
  }

  @Test
  void unservedSubresourcesAreNotTakenForListings() {
    assertEquals(
        "Unsupported:versioning", resolve("GET", "/b", "versioning", "127.0.0.1:1").operation());
    assertEquals("Unsupported:acl", resolve("GET", "/b/k", "acl", "127.0.0.1:1").operation());
    assertEquals("ListParts", resolve("GET", "/b/k", "uploadId=x", "127.0.0.1:1").operation());
  }

  @Test
  void virtualHostedStyle() {
    RestXmlProtocol.Resolved r = resolve("GET", "/key.txt", null, "my-bucket.s3.localhost:4566");
    assertEquals("GetObject", r.operation());
    assertEquals(Map.of("Bucket", "my-bucket", "Key", "key.txt"), r.labels());
    assertEquals("my-bucket", S3Routes.hostBucket("my-bucket.localhost:9"));
    assertNull(S3Routes.hostBucket("localhost:9"));
    assertNull(S3Routes.hostBucket("s3.localhost"));
    assertNull(S3Routes.hostBucket("127.0.0.1:9"));
  }
}
