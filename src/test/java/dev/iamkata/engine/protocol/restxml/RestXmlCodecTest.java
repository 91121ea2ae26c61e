package dev.iamkata.engine.protocol.restxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The rest-xml codec against S3's model: every member from where the model puts it. */
class RestXmlCodecTest {
  static HttpRequest request(String query, Map<String, List<String>> headers, String body) {
    return new HttpRequest(
        "PUT", "/b/k", query, headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
  }

  @Test
  void headersAndMetadataMapAndPathLabels() {
    PutObjectRequest put =
        (PutObjectRequest)
            RestXmlDecoder.decode(
                PutObjectRequest.builder(),
                request(
                    null,
                    Map.of(
                        "content-type", List.of("text/plain"),
                        "x-amz-meta-color", List.of("blue"),
                        "content-length", List.of("5")),
                    "hello"),
                Map.of("Bucket", "b", "Key", "dir/k"),
                new byte[0]);
    assertEquals("b", put.bucket());
    assertEquals("dir/k", put.key());
    assertEquals("text/plain", put.contentType());
    assertEquals(Map.of("color", "blue"), put.metadata());
    assertEquals(5L, put.contentLength());
  }

  @Test
  void queryParameters() {
    ListObjectsV2Request list =
        (ListObjectsV2Request)
            RestXmlDecoder.decode(
                ListObjectsV2Request.builder(),
                request("list-type=2&prefix=a%2Fb&max-keys=7&delimiter=%2F", Map.of(), ""),
                Map.of("Bucket", "b"),
                new byte[0]);
    assertEquals("a/b", list.prefix());
    assertEquals("/", list.delimiter());
    assertEquals(7, list.maxKeys());
  }

  @Test
  void xmlPayloadWithFlattenedList() {
    String xml =
        "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Part><ETag>\"e1\"</ETag><PartNumber>1</PartNumber></Part>"
            + "<Part><ETag>\"e2\"</ETag><PartNumber>2</PartNumber></Part>"
            + "</CompleteMultipartUpload>";
    CompleteMultipartUploadRequest complete =
        (CompleteMultipartUploadRequest)
            RestXmlDecoder.decode(
                CompleteMultipartUploadRequest.builder(),
                request("uploadId=u1", Map.of(), xml),
                Map.of("Bucket", "b", "Key", "k"),
                xml.getBytes(StandardCharsets.UTF_8));
    assertEquals("u1", complete.uploadId());
    assertEquals(2, complete.multipartUpload().parts().size());
    assertEquals(2, complete.multipartUpload().parts().get(1).partNumber());
    assertEquals("\"e2\"", complete.multipartUpload().parts().get(1).eTag());
  }

  @Test
  void malformedXmlIsMalformedXml() {
    AwsException e =
        assertThrows(
            AwsException.class,
            () ->
                RestXmlDecoder.decode(
                    CompleteMultipartUploadRequest.builder(),
                    request("uploadId=u1", Map.of(), "<oops"),
                    Map.of("Bucket", "b", "Key", "k"),
                    "<oops".getBytes(StandardCharsets.UTF_8)));
    assertEquals("MalformedXML", e.error().code());
  }

  @Test
  void bodyMembersUnderTheRootWithMillisecondDates() {
    HttpResponse r =
        RestXmlEncoder.encode(
            RestXmlResult.of(
                ListBucketsResponse.builder()
                    .buckets(
                        Bucket.builder()
                            .name("b")
                            .creationDate(Instant.parse("2026-01-02T03:04:05Z"))
                            .build())
                    .build()),
            "ListAllMyBucketsResult",
            "http://s3.amazonaws.com/doc/2006-03-01/");
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertTrue(
        body.contains(
            "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Buckets>"
                + "<Bucket><Name>b</Name><CreationDate>2026-01-02T03:04:05.000Z</CreationDate>"
                + "</Bucket></Buckets>"),
        body);
    assertEquals("application/xml", r.headers().get("Content-Type"));
  }

  @Test
  void headerMembersAsHeadersAndStreamedBody() {
    HttpResponse r =
        RestXmlEncoder.encode(
            new RestXmlResult(
                GetObjectResponse.builder()
                    .eTag("\"x\"")
                    .contentType("text/plain")
                    .lastModified(Instant.parse("2026-01-02T03:04:05Z"))
                    .metadata(Map.of("color", "blue"))
                    .build(),
                200,
                "data".getBytes(StandardCharsets.UTF_8)),
            null,
            "ns");
    assertEquals("\"x\"", r.headers().get("ETag"));
    assertEquals("text/plain", r.headers().get("Content-Type"));
    assertEquals("Fri, 2 Jan 2026 03:04:05 GMT", r.headers().get("Last-Modified"));
    assertEquals("blue", r.headers().get("x-amz-meta-color"));
    assertEquals("data", new String(r.body(), StandardCharsets.UTF_8));
  }
}
