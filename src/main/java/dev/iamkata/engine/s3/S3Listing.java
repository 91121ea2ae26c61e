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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/** Bucket listings: ListObjects and ListObjectsV2, which share one paging walk over the keys. */
final class S3Listing {
  private final EngineState state;
  private final S3Access access;

  S3Listing(EngineState state, S3Access access) {
    this.state = state;
    this.access = access;
  }

  RestXmlResult listObjectsV2(Caller caller, RestXmlRequest<ListObjectsV2Request> r) {
    ListObjectsV2Request q = r.request();
    S3Access.BucketRef bucket = access.bucket(caller, q.bucket());
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
    Listing l = list(bucket.key(), q.prefix(), q.delimiter(), after, maxKeys);
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
    S3Access.BucketRef bucket = access.bucket(caller, q.bucket());
    int maxKeys = maxKeys(q.maxKeys());
    authorizeList(caller, bucket, q.prefix(), q.delimiter(), maxKeys);
    Listing l = list(bucket.key(), q.prefix(), q.delimiter(), q.marker(), maxKeys);
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
      String bucketKey, String prefixOrNull, String delimiterOrNull, String start, int maxKeys) {
    String prefix = prefixOrNull == null ? "" : prefixOrNull;
    String delimiter =
        delimiterOrNull == null || delimiterOrNull.isEmpty() ? null : delimiterOrNull;
    return state.read(
        () -> {
          Bucket b = state.buckets.get(bucketKey);
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
}
