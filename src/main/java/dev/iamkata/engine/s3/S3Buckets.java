package dev.iamkata.engine.s3;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.policy.MalformedPolicyException;
import dev.iamkata.engine.policy.PolicyKind;
import dev.iamkata.engine.policy.PolicyParser;
import dev.iamkata.engine.protocol.restxml.RestXmlRequest;
import dev.iamkata.engine.protocol.restxml.RestXmlResult;
import dev.iamkata.engine.state.Bucket;
import dev.iamkata.engine.state.EngineState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;

/** Bucket operations: create, delete, list, head and the bucket policy. */
final class S3Buckets {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  private final EngineState state;
  private final S3Access access;

  S3Buckets(EngineState state, S3Access access) {
    this.state = state;
    this.access = access;
  }

  /** S3's canonical user ID for an account: stable, 64 hex digits. */
  static Owner owner(String account) {
    return Owner.builder().id(S3Objects.sha256Hex("canonical-user:" + account)).build();
  }

  RestXmlResult listBuckets(Caller caller, RestXmlRequest<ListBucketsRequest> r) {
    access.authorize(caller, "s3:ListAllMyBuckets", "arn:aws:s3:::*");
    List<software.amazon.awssdk.services.s3.model.Bucket> list =
        state.read(
            () -> {
              List<software.amazon.awssdk.services.s3.model.Bucket> out = new ArrayList<>();
              for (Bucket b : state.buckets.values()) {
                if (b.owner.equals(caller.account())) {
                  out.add(
                      software.amazon.awssdk.services.s3.model.Bucket.builder()
                          .name(b.name)
                          .creationDate(b.created)
                          .build());
                }
              }
              return out;
            });
    return RestXmlResult.of(
        ListBucketsResponse.builder().buckets(list).owner(owner(caller.account())).build());
  }

  RestXmlResult createBucket(Caller caller, RestXmlRequest<CreateBucketRequest> r) {
    String name = r.request().bucket();
    if (name == null
        || !NAME.matcher(name).matches()
        || name.contains("..")
        || IP.matcher(name).matches()) {
      throw new AwsException(AwsError.INVALID_BUCKET_NAME, "The specified bucket is not valid.");
    }
    String resource = "arn:aws:s3:::" + name;
    access.authorize(caller, "s3:CreateBucket", resource);
    String region =
        r.request().createBucketConfiguration() != null
                && r.request().createBucketConfiguration().locationConstraintAsString() != null
            ? r.request().createBucketConfiguration().locationConstraintAsString()
            : caller.region();
    state.write(
        () -> {
          // bucket names are global within the caller's tenant, as across AWS
          String key = state.bucketKey(caller.account(), name);
          Bucket existing = state.buckets.get(key);
          if (existing != null) {
            if (!existing.owner.equals(caller.account())) {
              throw new AwsException(
                  AwsError.BUCKET_ALREADY_EXISTS,
                  "The requested bucket name is not available. The bucket namespace is shared by"
                      + " all users of the system. Please select a different name and try again.");
            }
            // us-east-1 answers a repeated CreateBucket of one's own bucket with 200 OK
            if (!"us-east-1".equals(region)) {
              throw new AwsException(
                  AwsError.BUCKET_ALREADY_OWNED_BY_YOU,
                  "Your previous request to create the named bucket succeeded and you already own"
                      + " it.");
            }
            return null;
          }
          state.buckets.put(key, new Bucket(name, caller.account(), region, caller.time()));
          return null;
        });
    return RestXmlResult.of(CreateBucketResponse.builder().location("/" + name).build());
  }

  RestXmlResult deleteBucket(Caller caller, RestXmlRequest<DeleteBucketRequest> r) {
    S3Access.BucketRef bucket = access.bucket(caller, r.request().bucket());
    access.authorize(caller, "s3:DeleteBucket", bucket.arn(), bucket, Map.of());
    state.write(
        () -> {
          Bucket b = state.buckets.get(bucket.key());
          if (b == null) {
            throw S3Service.noSuchBucket();
          }
          if (!b.objects.isEmpty()) {
            throw new AwsException(
                AwsError.BUCKET_NOT_EMPTY, "The bucket you tried to delete is not empty");
          }
          state.buckets.remove(bucket.key());
          return null;
        });
    return RestXmlResult.noContent(DeleteBucketResponse.builder().build());
  }

  RestXmlResult headBucket(Caller caller, RestXmlRequest<HeadBucketRequest> r) {
    S3Access.BucketRef bucket = access.bucket(caller, r.request().bucket());
    access.authorize(caller, "s3:ListBucket", bucket.arn(), bucket, Map.of());
    String region = state.read(() -> state.buckets.get(bucket.key()).region);
    return RestXmlResult.of(HeadBucketResponse.builder().bucketRegion(region).build());
  }

  RestXmlResult getBucketLocation(Caller caller, RestXmlRequest<GetBucketLocationRequest> r) {
    S3Access.BucketRef bucket = access.bucket(caller, r.request().bucket());
    access.authorize(caller, "s3:GetBucketLocation", bucket.arn(), bucket, Map.of());
    String region = state.read(() -> state.buckets.get(bucket.key()).region);
    // the document's root is the member itself: <LocationConstraint>eu-west-1</LocationConstraint>
    String body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\""
            + S3Service.XMLNS
            + "\">"
            + ("us-east-1".equals(region) ? "" : region)
            + "</LocationConstraint>";
    return new RestXmlResult(
        HeadBucketResponse.builder().build(),
        200,
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  RestXmlResult putBucketPolicy(Caller caller, RestXmlRequest<PutBucketPolicyRequest> r) {
    S3Access.BucketRef bucket = access.bucket(caller, r.request().bucket());
    access.authorize(caller, "s3:PutBucketPolicy", bucket.arn(), bucket, Map.of());
    ownerOnly(caller, bucket);
    String policy = r.request().policy();
    validate(policy, bucket.name());
    state.write(
        () -> {
          Bucket b = state.buckets.get(bucket.key());
          if (b == null) {
            throw S3Service.noSuchBucket();
          }
          b.policy = policy;
          return null;
        });
    return RestXmlResult.noContent(PutBucketPolicyResponse.builder().build());
  }

  RestXmlResult getBucketPolicy(Caller caller, RestXmlRequest<GetBucketPolicyRequest> r) {
    S3Access.BucketRef bucket = access.bucket(caller, r.request().bucket());
    access.authorize(caller, "s3:GetBucketPolicy", bucket.arn(), bucket, Map.of());
    ownerOnly(caller, bucket);
    if (bucket.policy() == null) {
      throw new AwsException(AwsError.NO_SUCH_BUCKET_POLICY, "The bucket policy does not exist");
    }
    return RestXmlResult.of(GetBucketPolicyResponse.builder().policy(bucket.policy()).build());
  }

  RestXmlResult deleteBucketPolicy(Caller caller, RestXmlRequest<DeleteBucketPolicyRequest> r) {
    S3Access.BucketRef bucket = access.bucket(caller, r.request().bucket());
    access.authorize(caller, "s3:DeleteBucketPolicy", bucket.arn(), bucket, Map.of());
    ownerOnly(caller, bucket);
    state.write(
        () -> {
          Bucket b = state.buckets.get(bucket.key());
          if (b != null) {
            b.policy = null;
          }
          return null;
        });
    return RestXmlResult.noContent(DeleteBucketPolicyResponse.builder().build());
  }

  /**
   * Bucket policy operations are for the owner's account only: another account is refused with 405
   * even when a policy grants it the action.
   */
  private static void ownerOnly(Caller caller, S3Access.BucketRef bucket) {
    if (!caller.account().equals(bucket.owner())) {
      throw new AwsException(
          AwsError.METHOD_NOT_ALLOWED,
          "The specified method is not allowed against this resource.");
    }
  }

  /**
   * S3's checks of a bucket policy: valid JSON and grammar, a Principal in every statement, and
   * resources within this bucket.
   */
  static void validate(String policy, String bucket) {
    if (policy == null || policy.isBlank()) {
      throw malformed("Policies must be valid JSON and the first byte must be '{'");
    }
    try {
      PolicyParser.parse(policy, PolicyKind.RESOURCE);
    } catch (MalformedPolicyException e) {
      String m = e.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("json") || m.contains("syntax")) {
        throw malformed("This policy contains invalid Json");
      }
      if (m.contains("principal")) {
        throw malformed("Invalid principal in policy");
      }
      if (m.contains("action")) {
        throw malformed("Policy has invalid action");
      }
      if (m.contains("resource")) {
        throw malformed("Policy has invalid resource");
      }
      throw malformed(e.getMessage());
    }
    for (String resource : resources(policy)) {
      if (!resource.equals("arn:aws:s3:::" + bucket)
          && !resource.startsWith("arn:aws:s3:::" + bucket + "/")) {
        throw malformed("Policy has invalid resource");
      }
    }
  }

  private static List<String> resources(String policy) {
    List<String> out = new ArrayList<>();
    try {
      com.fasterxml.jackson.databind.JsonNode doc =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(policy);
      com.fasterxml.jackson.databind.JsonNode statements = doc.path("Statement");
      List<com.fasterxml.jackson.databind.JsonNode> list = new ArrayList<>();
      if (statements.isArray()) {
        statements.forEach(list::add);
      } else {
        list.add(statements);
      }
      for (com.fasterxml.jackson.databind.JsonNode s : list) {
        for (String field : new String[] {"Resource", "NotResource"}) {
          com.fasterxml.jackson.databind.JsonNode r = s.path(field);
          if (r.isTextual()) {
            out.add(r.asText());
          } else if (r.isArray()) {
            r.forEach(x -> out.add(x.asText()));
          }
        }
      }
    } catch (java.io.IOException e) {
      throw malformed("This policy contains invalid Json");
    }
    return out;
  }

  private static AwsException malformed(String message) {
    return new AwsException(AwsError.MALFORMED_POLICY, message);
  }
}
