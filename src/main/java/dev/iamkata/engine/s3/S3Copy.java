package dev.iamkata.engine.s3;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.restxml.RestXmlRequest;
import dev.iamkata.engine.protocol.restxml.RestXmlResult;
import dev.iamkata.engine.state.S3Object;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;

/**
 * CopyObject: the source is read and the target written through {@link S3Objects}, so a copy is
 * authorized and stored exactly as a get followed by a put would be.
 */
final class S3Copy {
  private final S3Access access;
  private final S3Objects objects;

  S3Copy(S3Access access, S3Objects objects) {
    this.access = access;
    this.objects = objects;
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
    S3Access.BucketRef from = access.bucket(caller, sourceBucket);
    S3Object original = objects.readable(caller, from, sourceKey);
    S3Access.BucketRef to = access.bucket(caller, q.bucket());
    access.authorize(
        caller, "s3:PutObject", S3Objects.objectArn(q.bucket(), q.key()), to, Map.of());
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
    objects.store(to.key(), copy);
    return RestXmlResult.of(
        CopyObjectResponse.builder()
            .copyObjectResult(
                CopyObjectResult.builder().eTag(copy.etag).lastModified(copy.lastModified).build())
            .build());
  }
}
