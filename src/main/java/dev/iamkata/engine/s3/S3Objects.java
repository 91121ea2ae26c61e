package dev.iamkata.engine.s3;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.restxml.RestXmlRequest;
import dev.iamkata.engine.protocol.restxml.RestXmlResult;
import dev.iamkata.engine.state.Bucket;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.S3Object;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * Single-object operations: put, get, head and delete, plus the object ARN, ETag and digest helpers
 * the other S3 classes share. Listing is {@link S3Listing}; copying is {@link S3Copy}.
 */
final class S3Objects {
  private static final String DEFAULT_TYPE = "binary/octet-stream";

  private final EngineState state;
  private final S3Access access;

  S3Objects(EngineState state, S3Access access) {
    this.state = state;
    this.access = access;
  }

  static String objectArn(String bucket, String key) {
    return "arn:aws:s3:::" + bucket + "/" + key;
  }

  RestXmlResult putObject(Caller caller, RestXmlRequest<PutObjectRequest> r) {
    PutObjectRequest q = r.request();
    S3Access.BucketRef bucket = access.bucket(caller, q.bucket());
    access.authorize(caller, "s3:PutObject", objectArn(q.bucket(), q.key()), bucket, Map.of());
    byte[] data = r.payload();
    String etag = etag(data);
    S3Object object =
        new S3Object(
            q.key(),
            data,
            etag,
            caller.time(),
            q.contentType() != null ? q.contentType() : DEFAULT_TYPE,
            q.metadata());
    store(bucket.key(), object);
    return RestXmlResult.of(PutObjectResponse.builder().eTag(etag).build());
  }

  /**
   * Puts {@code object} in the bucket stored under {@code bucketKey} ({@link
   * S3Access.BucketRef#key}).
   */
  void store(String bucketKey, S3Object object) {
    state.write(
        () -> {
          Bucket b = state.buckets.get(bucketKey);
          if (b == null) {
            throw S3Service.noSuchBucket();
          }
          b.objects.put(object.key, object);
          return null;
        });
  }

  RestXmlResult getObject(Caller caller, RestXmlRequest<GetObjectRequest> r) {
    GetObjectRequest q = r.request();
    S3Access.BucketRef bucket = access.bucket(caller, q.bucket());
    S3Object o = readable(caller, bucket, q.key());
    byte[] data = o.data;
    GetObjectResponse.Builder response = metadata(o, GetObjectResponse.builder());
    if (q.range() != null) {
      long[] range = range(q.range(), data.length);
      if (range != null) {
        byte[] slice = Arrays.copyOfRange(data, (int) range[0], (int) range[1] + 1);
        return new RestXmlResult(
            response
                .contentLength((long) slice.length)
                .contentRange("bytes " + range[0] + "-" + range[1] + "/" + data.length)
                .build(),
            206,
            slice);
      }
    }
    return new RestXmlResult(response.contentLength((long) data.length).build(), 200, data);
  }

  RestXmlResult headObject(Caller caller, RestXmlRequest<HeadObjectRequest> r) {
    HeadObjectRequest q = r.request();
    S3Access.BucketRef bucket = access.bucket(caller, q.bucket());
    S3Object o = readable(caller, bucket, q.key());
    return RestXmlResult.of(
        HeadObjectResponse.builder()
            .contentLength((long) o.data.length)
            .contentType(o.contentType)
            .eTag(o.etag)
            .lastModified(o.lastModified)
            .acceptRanges("bytes")
            .metadata(o.metadata)
            .build());
  }

  private static GetObjectResponse.Builder metadata(S3Object o, GetObjectResponse.Builder b) {
    return b.contentType(o.contentType)
        .eTag(o.etag)
        .lastModified(o.lastModified)
        .acceptRanges("bytes")
        .metadata(o.metadata);
  }

  /**
   * The object if the caller may read it. A missing key is {@code NoSuchKey} only to callers that
   * may list the bucket; to others S3 answers 403, so keys cannot be probed.
   */
  S3Object readable(Caller caller, S3Access.BucketRef bucket, String key) {
    access.authorize(caller, "s3:GetObject", objectArn(bucket.name(), key), bucket, Map.of());
    S3Object o = state.read(() -> find(bucket.key(), key));
    if (o == null) {
      if (!access.allowed(caller, "s3:ListBucket", bucket.arn(), bucket)) {
        throw new AwsException(AwsError.ACCESS_DENIED, S3Access.ACCESS_DENIED);
      }
      throw new AwsException(AwsError.NO_SUCH_KEY, "The specified key does not exist.");
    }
    return o;
  }

  private S3Object find(String bucketKey, String key) {
    Bucket b = state.buckets.get(bucketKey);
    if (b == null) {
      throw S3Service.noSuchBucket();
    }
    return b.objects.get(key);
  }

  /** {@code [first, last]} of a satisfiable {@code bytes=} range, or null to send everything. */
  static long[] range(String header, long size) {
    if (!header.startsWith("bytes=") || header.contains(",")) {
      return null;
    }
    String spec = header.substring("bytes=".length()).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      long first;
      long last;
      if (dash == 0) {
        long suffix = Long.parseLong(spec.substring(1));
        first = Math.max(0, size - suffix);
        last = size - 1;
      } else {
        first = Long.parseLong(spec.substring(0, dash));
        last = dash == spec.length() - 1 ? size - 1 : Long.parseLong(spec.substring(dash + 1));
        last = Math.min(last, size - 1);
      }
      if (first >= size || first > last) {
        throw new AwsException(AwsError.INVALID_RANGE, "The requested range is not satisfiable");
      }
      return new long[] {first, last};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  RestXmlResult deleteObject(Caller caller, RestXmlRequest<DeleteObjectRequest> r) {
    DeleteObjectRequest q = r.request();
    S3Access.BucketRef bucket = access.bucket(caller, q.bucket());
    access.authorize(caller, "s3:DeleteObject", objectArn(q.bucket(), q.key()), bucket, Map.of());
    state.write(
        () -> {
          Bucket b = state.buckets.get(bucket.key());
          if (b != null) {
            b.objects.remove(q.key());
          }
          return null;
        });
    return RestXmlResult.noContent(DeleteObjectResponse.builder().build());
  }

  /**
   * Deletes up to 1,000 keys; each key is authorized on its own and a refusal is reported in the
   * result, not as the response's error.
   */
  RestXmlResult deleteObjects(Caller caller, RestXmlRequest<DeleteObjectsRequest> r) {
    DeleteObjectsRequest q = r.request();
    S3Access.BucketRef bucket = access.bucket(caller, q.bucket());
    if (q.delete() == null || !q.delete().hasObjects() || q.delete().objects().size() > 1000) {
      throw new AwsException(
          AwsError.MALFORMED_XML,
          "The XML you provided was not well-formed or did not validate against our published"
              + " schema");
    }
    boolean quiet = Boolean.TRUE.equals(q.delete().quiet());
    List<DeletedObject> deleted = new ArrayList<>();
    List<S3Error> errors = new ArrayList<>();
    for (ObjectIdentifier id : q.delete().objects()) {
      try {
        access.authorize(
            caller, "s3:DeleteObject", objectArn(bucket.name(), id.key()), bucket, Map.of());
      } catch (AwsException e) {
        errors.add(
            S3Error.builder().key(id.key()).code(e.error().code()).message(e.getMessage()).build());
        continue;
      }
      state.write(
          () -> {
            Bucket b = state.buckets.get(bucket.key());
            if (b != null) {
              b.objects.remove(id.key());
            }
            return null;
          });
      if (!quiet) {
        deleted.add(DeletedObject.builder().key(id.key()).build());
      }
    }
    return RestXmlResult.of(
        DeleteObjectsResponse.builder().deleted(deleted).errors(errors).build());
  }

  /** The quoted MD5 hex S3 uses as a single-part object's ETag. */
  static String etag(byte[] data) {
    return "\"" + HexFormat.of().formatHex(digest("MD5", data)) + "\"";
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256Hex(String text) {
    return HexFormat.of().formatHex(digest("SHA-256", text.getBytes(StandardCharsets.UTF_8)));
  }
}
