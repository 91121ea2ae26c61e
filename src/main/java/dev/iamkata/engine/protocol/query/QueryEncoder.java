package dev.iamkata.engine.protocol.query;

import dev.iamkata.engine.protocol.Xml;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes an SDK response object as the query protocol's XML ({@code <Op>Response/<Op>Result}),
 * member names and list wrappers taken from the SDK's field descriptions.
 */
public final class QueryEncoder {
  private QueryEncoder() {}

  /** The whole response document for {@code operation}. */
  public static String response(String operation, String xmlns, SdkPojo result, String requestId) {
    Xml xml = new Xml().open(operation + "Response", xmlns);
    if (result != null && !result.sdkFields().isEmpty()) {
      xml.open(operation + "Result");
      members(xml, result);
      xml.close(operation + "Result");
    }
    xml.open("ResponseMetadata").element("RequestId", requestId).close("ResponseMetadata");
    return xml.close(operation + "Response").toString();
  }

  /** The query protocol's error document. */
  public static String error(
      String xmlns, boolean sender, String code, String message, String requestId) {
    return new Xml()
        .open("ErrorResponse", xmlns)
        .open("Error")
        .element("Type", sender ? "Sender" : "Receiver")
        .element("Code", code)
        .element("Message", message)
        .close("Error")
        .element("RequestId", requestId)
        .close("ErrorResponse")
        .toString();
  }

  private static void members(Xml xml, SdkPojo pojo) {
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value != null) {
        value(xml, field, field.locationName(), value);
      }
    }
  }

  private static void value(Xml xml, SdkField<?> field, String name, Object value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      if (value instanceof SdkAutoConstructList) {
        return;
      }
      ListTrait trait = field.getTrait(ListTrait.class);
      List<?> list = (List<?>) value;
      if (!trait.isFlattened()) {
        xml.open(name);
      }
      String memberName = trait.isFlattened() ? name : trait.memberLocationName();
      for (Object item : list) {
        value(xml, trait.memberFieldInfo(), memberName == null ? "member" : memberName, item);
      }
      if (!trait.isFlattened()) {
        xml.close(name);
      }
    } else if (type == MarshallingType.MAP) {
      if (value instanceof SdkAutoConstructMap) {
        return;
      }
      MapTrait trait = field.getTrait(MapTrait.class);
      xml.open(name);
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        xml.open("entry").element(trait.keyLocationName(), String.valueOf(e.getKey()));
        value(xml, trait.valueFieldInfo(), trait.valueLocationName(), e.getValue());
        xml.close("entry");
      }
      xml.close(name);
    } else if (type == MarshallingType.SDK_POJO) {
      xml.open(name);
      members(xml, (SdkPojo) value);
      xml.close(name);
    } else if (value instanceof Instant instant) {
      xml.element(name, instant.toString());
    } else if (value instanceof SdkBytes bytes) {
      // blobs travel base64-encoded, as in every AWS query-protocol response
      xml.element(name, Base64.getEncoder().encodeToString(bytes.asByteArray()));
    } else {
      xml.element(name, String.valueOf(value));
    }
  }
}
