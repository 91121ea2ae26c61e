package dev.iamkata.engine.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.auth.Caller;

/**
 * Calls the engine makes on behalf of a principal without an HTTP request of their own, such as the
 * AWS calls inside a Lambda function: they pass the same authorize, handle and record stages as a
 * request from outside, so policies decide them and CloudTrail shows them.
 */
public interface ServiceCalls {

  /**
   * Runs {@code operation} of {@code service} as {@code caller}.
   *
   * @param service the signing name: {@code dynamodb}, {@code s3}, {@code iam}, {@code sts}, ...
   * @param operation the operation name, e.g. {@code GetItem}
   * @param input the request's members by their model names, as in the aws CLI's JSON input
   * @param userAgent what CloudTrail records as the caller's user agent
   * @return the response's members, or the error as the service's protocol words it
   */
  Result call(Caller caller, String service, String operation, JsonNode input, String userAgent);

  /**
   * What a call returned.
   *
   * @param output the response's members by their model names; null when the call failed
   * @param errorCode the error code a client of the service sees ({@code AccessDeniedException}
   *     from DynamoDB, {@code AccessDenied} from S3, {@code UnauthorizedOperation} from EC2)
   * @param errorMessage the error's message as the service sends it
   */
  record Result(ObjectNode output, String errorCode, String errorMessage) {
    public static Result ok(ObjectNode output) {
      return new Result(output, null, null);
    }

    public boolean failed() {
      return errorCode != null;
    }
  }
}
