package dev.iamkata.engine.s3;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.protocol.restxml.RestXmlProtocol;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * S3's operation names from method, path and sub-resource: path-style ({@code /bucket/key}, the
 * CLI's default with an endpoint URL) and virtual-hosted-style ({@code bucket.localhost}, {@code
 * bucket.s3.localhost}) addressing.
 */
final class S3Routes implements RestXmlProtocol.Resolver {
  private static final Map<String, String> ROOTS =
      Map.of(
          "ListBuckets", "ListAllMyBucketsResult",
          "ListObjectsV2", "ListBucketResult",
          "ListObjects", "ListBucketResult",
          "DeleteObjects", "DeleteResult",
          "CreateMultipartUpload", "InitiateMultipartUploadResult",
          "CompleteMultipartUpload", "CompleteMultipartUploadResult");

  @Override
  public String outputRoot(String operation) {
    return ROOTS.get(operation);
  }

  /** S3 names the missing bucket or key in its error document. */
  @Override
  public Map<String, String> errorDetails(AwsException error, HttpRequest request) {
    Map<String, String> labels = resolve(request).labels();
    return switch (error.error()) {
      case NO_SUCH_BUCKET,
          NO_SUCH_BUCKET_POLICY,
          BUCKET_NOT_EMPTY,
          BUCKET_ALREADY_EXISTS,
          BUCKET_ALREADY_OWNED_BY_YOU ->
          labels.containsKey("Bucket") ? Map.of("BucketName", labels.get("Bucket")) : Map.of();
      case NO_SUCH_KEY -> labels.containsKey("Key") ? Map.of("Key", labels.get("Key")) : Map.of();
      default -> Map.of();
    };
  }

  @Override
  public RestXmlProtocol.Resolved resolve(HttpRequest request) {
    String path = request.rawPath();
    String bucket = hostBucket(request.header("host"));
    String key = null;
    String rest = path.startsWith("/") ? path.substring(1) : path;
    if (bucket == null) {
      int slash = rest.indexOf('/');
      if (!rest.isEmpty()) {
        bucket = decode(slash < 0 ? rest : rest.substring(0, slash));
        if (slash >= 0 && slash + 1 < rest.length()) {
          key = decode(rest.substring(slash + 1));
        }
      }
    } else if (!rest.isEmpty()) {
      key = decode(rest);
    }
    Set<String> query = queryNames(request.rawQuery());
    String method = request.method();
    String operation = operation(method, bucket, key, query, request);
    Map<String, String> labels = new LinkedHashMap<>();
    if (bucket != null) {
      labels.put("Bucket", bucket);
    }
    if (key != null) {
      labels.put("Key", key);
    }
    return new RestXmlProtocol.Resolved(operation, labels);
  }

  /** Sub-resources of S3 APIs the engine does not serve: answered with 501 NotImplemented. */
  private static final Set<String> UNSUPPORTED =
      Set.of(
          "acl",
          "tagging",
          "versioning",
          "versions",
          "cors",
          "lifecycle",
          "website",
          "encryption",
          "logging",
          "notification",
          "replication",
          "ownershipControls",
          "publicAccessBlock",
          "object-lock",
          "accelerate",
          "requestPayment",
          "analytics",
          "metrics",
          "inventory",
          "intelligent-tiering",
          "policyStatus",
          "retention",
          "legal-hold",
          "attributes",
          "restore",
          "torrent",
          "select");

  private static String operation(
      String method, String bucket, String key, Set<String> query, HttpRequest request) {
    for (String name : query) {
      if (UNSUPPORTED.contains(name)) {
        return "Unsupported:" + name;
      }
    }
    if (key != null && method.equals("GET") && query.contains("uploadId")) {
      return "ListParts";
    }
    if (key == null && method.equals("GET") && query.contains("uploads")) {
      return "ListMultipartUploads";
    }
    if (bucket == null) {
      if (method.equals("GET")) {
        return "ListBuckets";
      }
      throw notAllowed();
    }
    if (key == null) {
      return switch (method) {
        case "PUT" -> query.contains("policy") ? "PutBucketPolicy" : "CreateBucket";
        case "DELETE" -> query.contains("policy") ? "DeleteBucketPolicy" : "DeleteBucket";
        case "HEAD" -> "HeadBucket";
        case "POST" -> {
          if (query.contains("delete")) {
            yield "DeleteObjects";
          }
          throw notAllowed();
        }
        case "GET" ->
            query.contains("policy")
                ? "GetBucketPolicy"
                : query.contains("location")
                    ? "GetBucketLocation"
                    : query.contains("list-type") ? "ListObjectsV2" : "ListObjects";
        default -> throw notAllowed();
      };
    }
    return switch (method) {
      case "PUT" ->
          query.contains("uploadId")
              ? "UploadPart"
              : request.header("x-amz-copy-source") != null ? "CopyObject" : "PutObject";
      case "GET" -> "GetObject";
      case "HEAD" -> "HeadObject";
      case "DELETE" -> query.contains("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
      case "POST" ->
          query.contains("uploads")
              ? "CreateMultipartUpload"
              : query.contains("uploadId") ? "CompleteMultipartUpload" : "PostObject";
      default -> throw notAllowed();
    };
  }

  private static AwsException notAllowed() {
    return new AwsException(
        AwsError.METHOD_NOT_ALLOWED, "The specified method is not allowed against this resource.");
  }

  /** The bucket named by a virtual-hosted-style host, or null for path-style requests. */
  static String hostBucket(String host) {
    if (host == null) {
      return null;
    }
    String name = host.toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > 0 && name.indexOf(']') < colon) {
      name = name.substring(0, colon);
    }
    for (String suffix : new String[] {".s3.localhost", ".localhost"}) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        String bucket = name.substring(0, name.length() - suffix.length());
        return bucket.equals("s3") ? null : bucket;
      }
    }
    return null;
  }

  private static Set<String> queryNames(String rawQuery) {
    Set<String> names = new HashSet<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        names.add(eq < 0 ? pair : pair.substring(0, eq));
      }
    }
    return names;
  }

  /** Percent-decoding of a path segment; unlike form decoding, {@code +} stays a plus. */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); ) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int cp = raw.codePointAt(i);
        byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i += Character.charCount(cp);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
