package dev.iamkata.engine.s3;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.restxml.RestXmlRequest;
import dev.iamkata.engine.protocol.restxml.RestXmlResult;
import dev.iamkata.engine.state.Bucket;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.MultipartUpload;
import dev.iamkata.engine.state.S3Object;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart uploads: parts are kept until the upload completes into one object (ETag {@code
 * "md5-of-part-md5s-N"}) or is aborted. Every part but the last must be at least 5 MiB.
 */
final class S3Multipart {
  static final int MIN_PART_SIZE = 5 * 1024 * 1024;
  private static final String NO_SUCH_UPLOAD =
      "The specified upload does not exist. The upload ID may be invalid, or the upload may have"
          + " been aborted or completed.";

  private final EngineState state;
  private final S3Access access;

  S3Multipart(EngineState state, S3Access access) {
    this.state = state;
    this.access = access;
  }

  RestXmlResult create(Caller caller, RestXmlRequest<CreateMultipartUploadRequest> r) {
    CreateMultipartUploadRequest q = r.request();
    S3Access.BucketRef bucket = access.bucket(caller, q.bucket());
    access.authorize(
        caller, "s3:PutObject", S3Objects.objectArn(q.bucket(), q.key()), bucket, Map.of());
    String id = UUID.randomUUID().toString().replace("-", "");
    MultipartUpload upload = new MultipartUpload(id, q.key(), caller.time());
    upload.contentType = q.contentType();
    if (q.hasMetadata()) {
      upload.metadata.putAll(q.metadata());
    }
    state.write(
        () -> {
          bucket(bucket.key()).uploads.put(id, upload);
          return null;
        });
    return RestXmlResult.of(
        CreateMultipartUploadResponse.builder()
            .bucket(q.bucket())
            .key(q.key())
            .uploadId(id)
            .build());
  }

  RestXmlResult uploadPart(Caller caller, RestXmlRequest<UploadPartRequest> r) {
    UploadPartRequest q = r.request();
    S3Access.BucketRef bucket = access.bucket(caller, q.bucket());
    access.authorize(
        caller, "s3:PutObject", S3Objects.objectArn(q.bucket(), q.key()), bucket, Map.of());
    Integer number = q.partNumber();
    if (number == null || number < 1 || number > 10_000) {
      throw new AwsException(
          AwsError.INVALID_ARGUMENT,
          "Part number must be an integer between 1 and 10000, inclusive");
    }
    byte[] data = r.payload();
    String etag = S3Objects.etag(data);
    state.write(
        () -> {
          upload(bucket(bucket.key()), q.uploadId(), q.key())
              .parts
              .put(number, new MultipartUpload.Part(data, etag));
          return null;
        });
    return RestXmlResult.of(UploadPartResponse.builder().eTag(etag).build());
  }

  RestXmlResult complete(Caller caller, RestXmlRequest<CompleteMultipartUploadRequest> r) {
    CompleteMultipartUploadRequest q = r.request();
    S3Access.BucketRef bucket = access.bucket(caller, q.bucket());
    access.authorize(
        caller, "s3:PutObject", S3Objects.objectArn(q.bucket(), q.key()), bucket, Map.of());
    List<CompletedPart> parts =
        q.multipartUpload() == null || !q.multipartUpload().hasParts()
            ? List.of()
            : q.multipartUpload().parts();
    if (parts.isEmpty()) {
      throw new AwsException(
          AwsError.MALFORMED_XML,
          "The XML you provided was not well-formed or did not validate against our published"
              + " schema");
    }
    S3Object object =
        state.write(
            () -> {
              Bucket b = bucket(bucket.key());
              MultipartUpload upload = upload(b, q.uploadId(), q.key());
              ByteArrayOutputStream data = new ByteArrayOutputStream();
              ByteArrayOutputStream md5s = new ByteArrayOutputStream();
              int previous = 0;
              for (int i = 0; i < parts.size(); i++) {
                CompletedPart part = parts.get(i);
                Integer n = part.partNumber();
                if (n == null || n <= previous) {
                  throw new AwsException(
                      AwsError.INVALID_PART_ORDER,
                      "The list of parts was not in ascending order. The parts list must be"
                          + " specified in order by part number.");
                }
                previous = n;
                MultipartUpload.Part stored = upload.parts.get(n);
                if (stored == null || !sameEtag(stored.etag, part.eTag())) {
                  throw new AwsException(
                      AwsError.INVALID_PART,
                      "One or more of the specified parts could not be found.  The part may not"
                          + " have been uploaded, or the specified entity tag may not match the"
                          + " part's entity tag.");
                }
                if (i < parts.size() - 1 && stored.data.length < MIN_PART_SIZE) {
                  throw new AwsException(
                      AwsError.ENTITY_TOO_SMALL,
                      "Your proposed upload is smaller than the minimum allowed size");
                }
                data.writeBytes(stored.data);
                md5s.writeBytes(HexFormat.of().parseHex(unquote(stored.etag)));
              }
              String etag =
                  "\""
                      + HexFormat.of().formatHex(S3Objects.digest("MD5", md5s.toByteArray()))
                      + "-"
                      + parts.size()
                      + "\"";
              S3Object o =
                  new S3Object(
                      q.key(),
                      data.toByteArray(),
                      etag,
                      caller.time(),
                      upload.contentType != null ? upload.contentType : "binary/octet-stream",
                      upload.metadata);
              b.objects.put(q.key(), o);
              b.uploads.remove(q.uploadId());
              return o;
            });
    return RestXmlResult.of(
        CompleteMultipartUploadResponse.builder()
            .location("/" + q.bucket() + "/" + q.key())
            .bucket(q.bucket())
            .key(q.key())
            .eTag(object.etag)
            .build());
  }

  RestXmlResult abort(Caller caller, RestXmlRequest<AbortMultipartUploadRequest> r) {
    AbortMultipartUploadRequest q = r.request();
    S3Access.BucketRef bucket = access.bucket(caller, q.bucket());
    access.authorize(
        caller,
        "s3:AbortMultipartUpload",
        S3Objects.objectArn(q.bucket(), q.key()),
        bucket,
        Map.of());
    state.write(
        () -> {
          Bucket b = bucket(bucket.key());
          upload(b, q.uploadId(), q.key());
          b.uploads.remove(q.uploadId());
          return null;
        });
    return RestXmlResult.noContent(AbortMultipartUploadResponse.builder().build());
  }

  private Bucket bucket(String bucketKey) {
    Bucket b = state.buckets.get(bucketKey);
    if (b == null) {
      throw S3Service.noSuchBucket();
    }
    return b;
  }

  private static MultipartUpload upload(Bucket b, String id, String key) {
    MultipartUpload upload = id == null ? null : b.uploads.get(id);
    if (upload == null || !upload.key.equals(key)) {
      throw new AwsException(AwsError.NO_SUCH_UPLOAD, NO_SUCH_UPLOAD);
    }
    return upload;
  }

  private static boolean sameEtag(String stored, String given) {
    return given == null || unquote(stored).equals(unquote(given));
  }

  private static String unquote(String etag) {
    return etag.replace("\"", "");
  }
}
