package dev.iamkata.shell.aws.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

class ShapeOrderTest {
  @Test
  void sdkClassesFindModelShapesOfAnotherName() {
    // lambda's model says InvocationRequest/InvocationResponse, s3's GetObjectOutput
    assertEquals(List.of("FunctionName"), ShapeOrder.of(InvokeRequest.class).required());
    assertEquals(
        List.of("StatusCode", "FunctionError", "LogResult", "Payload", "ExecutedVersion"),
        ShapeOrder.of(InvokeResponse.class).members().subList(0, 5));
    assertEquals(
        List.of("Body", "DeleteMarker", "AcceptRanges"),
        ShapeOrder.of(GetObjectResponse.class).members().subList(0, 3));
  }
}
