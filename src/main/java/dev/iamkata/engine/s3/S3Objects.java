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
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;

/** Object operations: put, get, head, delete, copy, ListObjects and ListObjectsV2. */
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
    S3Access.BucketRef bucket = access.bucket(q.bucket());
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
    store(bucket.name(), object);
    return RestXmlResult.of(PutObjectResponse.builder().eTag(etag).build());
  }

  void store(String bucketName, S3Object object) {
    state.write(
        () -> {
          Bucket b = state.buckets.get(bucketName);
          if (b == null) {
            throw S3Service.noSuchBucket();
          }
          b.objects.put(object.key, object);
          return null;
        });
  }

  RestXmlResult getObject(Caller caller, RestXmlRequest<GetObjectRequest> r) {
    GetObjectRequest q = r.request();
    S3Access.BucketRef bucket = access.bucket(q.bucket());
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
    S3Access.BucketRef bucket = access.bucket(q.bucket());
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
  private S3Object readable(Caller caller, S3Access.BucketRef bucket, String key) {
    access.authorize(caller, "s3:GetObject", objectArn(bucket.name(), key), bucket, Map.of());
    S3Object o = state.read(() -> find(bucket.name(), key));
    if (o == null) {
      if (!access.allowed(caller, "s3:ListBucket", bucket.arn(), bucket)) {
        throw new AwsException(AwsError.ACCESS_DENIED, S3Access.ACCESS_DENIED);
      }
      throw new AwsException(AwsError.NO_SUCH_KEY, "The specified key does not exist.");
    }
    return o;
  }

  private S3Object find(String bucket, String key) {
    Bucket b = state.buckets.get(bucket);
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
    S3Access.BucketRef bucket = access.bucket(q.bucket());
    access.authorize(caller, "s3:DeleteObject", objectArn(q.bucket(), q.key()), bucket, Map.of());
    state.write(
        () -> {
          Bucket b = state.buckets.get(bucket.name());
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
    S3Access.BucketRef bucket = access.bucket(q.bucket());
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
            Bucket b = state.buckets.get(bucket.name());
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

  RestXmlResult copyObject(Caller caller, RestXmlRequest<CopyObjectRequest> r) {
    CopyObjectRequest q = r.request();
    String source = S3Routes.decode(r.http().header("x-amz-copy-source"));
    if (source.startsWith("/")) {
      source = source.substring(1);
    }
    int q1 = source.indexOf('?');
    if (q1 >= 0) {
      source = source.substring(0, q1);
    }
    int slash = source.indexOf('/');
    if (slash <= 0 || slash == source.length() - 1) {
      throw new AwsException(AwsError.INVALID_ARGUMENT, "Invalid copy source object key");
    }
    String sourceBucket = source.substring(0, slash);
    String sourceKey = source.substring(slash + 1);
    S3Access.BucketRef from = access.bucket(sourceBucket);
    S3Object original = readable(caller, from, sourceKey);
    S3Access.BucketRef to = access.bucket(q.bucket());
    access.authorize(caller, "s3:PutObject", objectArn(q.bucket(), q.key()), to, Map.of());
    boolean replace = "REPLACE".equals(q.metadataDirectiveAsString());
    if (!replace && sourceBucket.equals(q.bucket()) && sourceKey.equals(q.key())) {
      throw new AwsException(
          AwsError.INVALID_REQUEST,
          "This copy request is illegal because it is trying to copy an object to itself without"
              + " changing the object's metadata, storage class, website redirect location or"
              + " encryption attributes.");
    }
    S3Object copy =
        new S3Object(
            q.key(),
            original.data,
            original.etag,
            caller.time(),
            replace && q.contentType() != null ? q.contentType() : original.contentType,
            replace ? q.metadata() : original.metadata);
    store(to.name(), copy);
    return RestXmlResult.of(
        CopyObjectResponse.builder()
            .copyObjectResult(
                CopyObjectResult.builder().eTag(copy.etag).lastModified(copy.lastModified).build())
            .build());
  }

  RestXmlResult listObjectsV2(Caller caller, RestXmlRequest<ListObjectsV2Request> r) {
    ListObjectsV2Request q = r.request();
    S3Access.BucketRef bucket = access.bucket(q.bucket());
    int maxKeys = maxKeys(q.maxKeys());
    authorizeList(caller, bucket, q.prefix(), q.delimiter(), maxKeys);
    String after = q.startAfter();
    if (q.continuationToken() != null) {
      try {
        after =
            new String(Base64.getDecoder().decode(q.continuationToken()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new AwsException(
            AwsError.INVALID_ARGUMENT, "The continuation token provided is incorrect");
      }
    }
    Listing l = list(bucket.name(), q.prefix(), q.delimiter(), after, maxKeys);
    ListObjectsV2Response.Builder out =
        ListObjectsV2Response.builder()
            .name(bucket.name())
            .prefix(l.prefix())
            .maxKeys(maxKeys)
            .keyCount(l.contents().size() + l.prefixes().size())
            .isTruncated(l.truncated())
            .contents(l.contents())
            .commonPrefixes(l.prefixes())
            .delimiter(l.delimiter())
            .continuationToken(q.continuationToken())
            .startAfter(q.startAfter());
    if (l.truncated() && l.last() != null) {
      out.nextContinuationToken(
          Base64.getEncoder().encodeToString(l.last().getBytes(StandardCharsets.UTF_8)));
    }
    return RestXmlResult.of(out.build());
  }

  /** The original ListObjects: the same listing, paged by {@code marker}. */
  RestXmlResult listObjects(Caller caller, RestXmlRequest<ListObjectsRequest> r) {
    ListObjectsRequest q = r.request();
    S3Access.BucketRef bucket = access.bucket(q.bucket());
    int maxKeys = maxKeys(q.maxKeys());
    authorizeList(caller, bucket, q.prefix(), q.delimiter(), maxKeys);
    Listing l = list(bucket.name(), q.prefix(), q.delimiter(), q.marker(), maxKeys);
    ListObjectsResponse.Builder out =
        ListObjectsResponse.builder()
            .name(bucket.name())
            .prefix(l.prefix())
            .marker(q.marker() == null ? "" : q.marker())
            .maxKeys(maxKeys)
            .isTruncated(l.truncated())
            .contents(l.contents())
            .commonPrefixes(l.prefixes())
            .delimiter(l.delimiter());
    // S3 sends NextMarker only with a delimiter; clients otherwise continue from the last key
    if (l.truncated() && l.delimiter() != null) {
      out.nextMarker(l.last());
    }
    return RestXmlResult.of(out.build());
  }

  private static int maxKeys(Integer requested) {
    return requested == null ? 1000 : Math.min(Math.max(requested, 0), 1000);
  }

  private void authorizeList(
      Caller caller, S3Access.BucketRef bucket, String prefix, String delimiter, int maxKeys) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("s3:prefix", List.of(prefix == null ? "" : prefix));
    if (delimiter != null) {
      keys.put("s3:delimiter", List.of(delimiter));
    }
    keys.put("s3:max-keys", List.of(String.valueOf(maxKeys)));
    access.authorize(caller, "s3:ListBucket", bucket.arn(), bucket, keys);
  }

  /** One page of a bucket listing. */
  private record Listing(
      String prefix,
      String delimiter,
      List<software.amazon.awssdk.services.s3.model.S3Object> contents,
      List<CommonPrefix> prefixes,
      boolean truncated,
      String last) {}

  /**
   * Keys under {@code prefix} after {@code start} (exclusive), rolled up into common prefixes at
   * {@code delimiter}, at most {@code maxKeys} entries. A start that is a common prefix skips all
   * of it, so pages never repeat a prefix.
   */
  private Listing list(
      String bucketName, String prefixOrNull, String delimiterOrNull, String start, int maxKeys) {
    String prefix = prefixOrNull == null ? "" : prefixOrNull;
    String delimiter =
        delimiterOrNull == null || delimiterOrNull.isEmpty() ? null : delimiterOrNull;
    return state.read(
        () -> {
          Bucket b = state.buckets.get(bucketName);
          if (b == null) {
            throw S3Service.noSuchBucket();
          }
          NavigableMap<String, S3Object> all = b.objects;
          NavigableMap<String, S3Object> view =
              start == null || start.compareTo(prefix) < 0
                  ? all.tailMap(prefix, true)
                  : all.tailMap(start, false);
          List<software.amazon.awssdk.services.s3.model.S3Object> contents = new ArrayList<>();
          List<CommonPrefix> prefixes = new ArrayList<>();
          String last = null;
          String lastPrefix = null;
          boolean truncated = false;
          for (S3Object o : view.values()) {
            if (!o.key.startsWith(prefix)) {
              break;
            }
            String common = null;
            if (delimiter != null) {
              int at = o.key.indexOf(delimiter, prefix.length());
              if (at >= 0) {
                common = o.key.substring(0, at + delimiter.length());
              }
            }
            if (common != null && common.equals(lastPrefix)) {
              continue;
            }
            if (start != null && common != null && start.startsWith(common)) {
              continue;
            }
            if (contents.size() + prefixes.size() >= maxKeys) {
              truncated = true;
              break;
            }
            if (common != null) {
              prefixes.add(CommonPrefix.builder().prefix(common).build());
              lastPrefix = common;
              last = common;
            } else {
              contents.add(
                  software.amazon.awssdk.services.s3.model.S3Object.builder()
                      .key(o.key)
                      .lastModified(o.lastModified)
                      .eTag(o.etag)
                      .size((long) o.data.length)
                      .storageClass("STANDARD")
                      .build());
              last = o.key;
            }
          }
          return new Listing(prefix, delimiter, contents, prefixes, truncated, last);
        });
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
