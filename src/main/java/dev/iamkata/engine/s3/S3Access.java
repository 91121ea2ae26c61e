package dev.iamkata.engine.s3;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.api.Denial;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.state.Bucket;
import dev.iamkata.engine.state.EngineState;
import java.util.List;
import java.util.Map;

/**
 * S3's authorization: the caller's policies together with the bucket's policy, the bucket owner's
 * account deciding whether one side or both must allow. Refusals are worded as S3 words them:
 * within the account the full sentence with the resource in double quotes, across accounts only
 * "Access Denied".
 */
final class S3Access {
  static final String ACCESS_DENIED = "Access Denied";

  private final EngineState state;
  private final Authorizer authorizer;

  S3Access(EngineState state, Authorizer authorizer) {
    this.state = state;
    this.authorizer = authorizer;
  }

  /** What authorization needs of a bucket, read under the state lock. */
  record BucketRef(String key, String name, String owner, String policy) {
    String arn() {
      return "arn:aws:s3:::" + name;
    }
  }

  /** The bucket {@code name} in the caller's tenant, or {@code NoSuchBucket}. */
  BucketRef bucket(Caller caller, String name) {
    return state.read(
        () -> {
          String key = state.bucketKey(caller.account(), name);
          Bucket b = state.buckets.get(key);
          if (b == null) {
            throw S3Service.noSuchBucket();
          }
          return new BucketRef(key, b.name, b.owner, b.policy);
        });
  }

  /** Checks {@code action} on {@code resource}, with no bucket involved (ListBuckets). */
  void authorize(Caller caller, String action, String resource) {
    try {
      authorizer.authorize(caller, action, resource, Map.of(), null, resource, caller.account());
    } catch (AwsException e) {
      throw reworded(e, true);
    }
  }

  /** Checks {@code action} on {@code resource} in {@code bucket}. */
  void authorize(
      Caller caller,
      String action,
      String resource,
      BucketRef bucket,
      Map<String, List<String>> keys) {
    try {
      authorizer.authorize(
          caller, action, resource, keys, bucket.policy(), bucket.arn(), bucket.owner());
    } catch (AwsException e) {
      throw reworded(e, caller.account().equals(bucket.owner()));
    }
  }

  /** Whether {@code action} would be allowed; for S3's choice between 404 and 403. */
  boolean allowed(Caller caller, String action, String resource, BucketRef bucket) {
    return authorizer.allowed(
        caller, action, resource, bucket.policy(), bucket.arn(), bucket.owner());
  }

  private static AwsException reworded(AwsException e, boolean sameAccount) {
    return e.denial().map(d -> denied(d, sameAccount)).orElse(e);
  }

  /** S3's AccessDenied for a refusal. */
  static AwsException denied(Denial d, boolean sameAccount) {
    if (!sameAccount) {
      return new AwsException(AwsError.ACCESS_DENIED, ACCESS_DENIED);
    }
    return new AwsException(
        AwsError.ACCESS_DENIED,
        "User: "
            + d.principalArn()
            + " is not authorized to perform: "
            + d.action()
            + " on resource: \""
            + d.resource()
            + "\""
            + (d.reason().isEmpty() ? "" : " " + d.reason()));
  }

  /** The codec's last word on errors: engine-wide codes S3 spells its own way. */
  static AwsException worded(AwsException e) {
    return switch (e.error()) {
      case INTERNAL_FAILURE, SERVICE_FAILURE ->
          new AwsException(
              AwsError.S3_INTERNAL_ERROR, "We encountered an internal error. Please try again.");
      case EXPIRED_TOKEN -> new AwsException(AwsError.S3_EXPIRED_TOKEN, e.getMessage());
      default -> e;
    };
  }
}
