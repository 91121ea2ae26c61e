package dev.iamkata.engine.s3;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.protocol.restxml.RestXmlProtocol;
import dev.iamkata.engine.protocol.restxml.RestXmlRequest;
import dev.iamkata.engine.protocol.restxml.RestXmlResult;
import dev.iamkata.engine.state.EngineState;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;

/**
 * S3's routing table. Every operation authorizes itself ({@link S3Access}) because S3 must find the
 * bucket first: its owner and policy take part in the decision.
 */
public final class S3Service {
  /** The namespace of S3's XML documents. */
  public static final String XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

  private final S3Buckets buckets;
  private final S3Objects objects;
  private final S3Listing listing;
  private final S3Copy copy;
  private final S3Multipart multipart;

  public S3Service(EngineState state, Authorizer authorizer) {
    S3Access access = new S3Access(state, authorizer);
    this.buckets = new S3Buckets(state, access);
    this.objects = new S3Objects(state, access);
    this.listing = new S3Listing(state, access);
    this.copy = new S3Copy(access, objects);
    this.multipart = new S3Multipart(state, access);
  }

  /** The service as the router sees it, with its rest-xml codec. */
  public Service service() {
    return Service.of(
        "s3",
        new RestXmlProtocol(new S3Routes(), S3Access::worded),
        XMLNS,
        "2006-03-01",
        null,
        operations());
  }

  private List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "ListBuckets",
            software.amazon.awssdk.services.s3.model.ListBucketsRequest::builder,
            buckets::listBuckets),
        row(
            "CreateBucket",
            software.amazon.awssdk.services.s3.model.CreateBucketRequest::builder,
            buckets::createBucket),
        row(
            "DeleteBucket",
            software.amazon.awssdk.services.s3.model.DeleteBucketRequest::builder,
            buckets::deleteBucket),
        row(
            "HeadBucket",
            software.amazon.awssdk.services.s3.model.HeadBucketRequest::builder,
            buckets::headBucket),
        row(
            "GetBucketLocation",
            software.amazon.awssdk.services.s3.model.GetBucketLocationRequest::builder,
            buckets::getBucketLocation),
        row(
            "PutBucketPolicy",
            software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest::builder,
            buckets::putBucketPolicy),
        row(
            "GetBucketPolicy",
            software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest::builder,
            buckets::getBucketPolicy),
        row(
            "DeleteBucketPolicy",
            software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest::builder,
            buckets::deleteBucketPolicy),
        row(
            "DeleteObjects",
            software.amazon.awssdk.services.s3.model.DeleteObjectsRequest::builder,
            objects::deleteObjects),
        row(
            "ListObjects",
            software.amazon.awssdk.services.s3.model.ListObjectsRequest::builder,
            listing::listObjects),
        row(
            "ListObjectsV2",
            software.amazon.awssdk.services.s3.model.ListObjectsV2Request::builder,
            listing::listObjectsV2),
        row(
            "PutObject",
            software.amazon.awssdk.services.s3.model.PutObjectRequest::builder,
            objects::putObject),
        row(
            "GetObject",
            software.amazon.awssdk.services.s3.model.GetObjectRequest::builder,
            objects::getObject),
        row(
            "HeadObject",
            software.amazon.awssdk.services.s3.model.HeadObjectRequest::builder,
            objects::headObject),
        row(
            "DeleteObject",
            software.amazon.awssdk.services.s3.model.DeleteObjectRequest::builder,
            objects::deleteObject),
        row(
            "CopyObject",
            software.amazon.awssdk.services.s3.model.CopyObjectRequest::builder,
            copy::copyObject),
        row(
            "CreateMultipartUpload",
            software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest::builder,
            multipart::create),
        row(
            "UploadPart",
            software.amazon.awssdk.services.s3.model.UploadPartRequest::builder,
            multipart::uploadPart),
        row(
            "CompleteMultipartUpload",
            software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest::builder,
            multipart::complete),
        row(
            "AbortMultipartUpload",
            software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest::builder,
            multipart::abort));
  }

  private static <Q> Operation<RestXmlRequest<Q>, RestXmlResult> row(
      String name,
      Supplier<? extends SdkPojo> builder,
      BiFunction<Caller, RestXmlRequest<Q>, RestXmlResult> handler) {
    return new Operation<>(name, null, builder, (caller, request) -> null, handler);
  }

  /** Thrown for a bucket name that does not exist. */
  static AwsException noSuchBucket() {
    return new AwsException(AwsError.NO_SUCH_BUCKET, "The specified bucket does not exist");
  }
}
