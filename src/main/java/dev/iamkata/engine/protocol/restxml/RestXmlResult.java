package dev.iamkata.engine.protocol.restxml;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * An SDK response object plus what the model leaves outside it: a streamed body (GetObject) and the
 * HTTP status when it is not 200.
 *
 * @param response the SDK response, whose header and XML members the codec writes
 * @param status the HTTP status
 * @param body raw body bytes replacing the XML document, or null
 */
public record RestXmlResult(SdkPojo response, int status, byte[] body) implements SdkPojo {

  public static RestXmlResult of(SdkPojo response) {
    return new RestXmlResult(response, 200, null);
  }

  public static RestXmlResult noContent(SdkPojo response) {
    return new RestXmlResult(response, 204, null);
  }

  @Override
  public List<SdkField<?>> sdkFields() {
    return response.sdkFields();
  }
}
