package dev.iamkata.engine.protocol.ec2;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.protocol.Xml;
import dev.iamkata.engine.protocol.query.QueryDecoder;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;

/**
 * Reads EC2 query parameters ({@code InstanceId.1=i-1&Filter.1.Name=x&Filter.1.Value.1=y}) into SDK
 * request builders and writes SDK responses as EC2's XML, both driven by the SDK's field
 * descriptions: requests use each field's capitalised location name, responses its lower-camel
 * unmarshalling name, lists are {@code Name.N} in and {@code <name><item>…</item></name>} out.
 */
public final class Ec2Codec {
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  /**
   * EC2 forms are query forms whose lists are always {@code Name.N}, with nothing sent for an empty
   * one, and whose bad values are {@code InvalidParameterValue} naming the parameter without its
   * indices. The requests EC2 serves have no maps and no scalars other than strings, numbers,
   * booleans and timestamps, so the query decoder's handling of those others never applies here.
   */
  private static final QueryDecoder DECODER =
      new QueryDecoder(
          new QueryDecoder.Spelling() {
            @Override
            public String listEntries(ListTrait list, String name) {
              return name + ".";
            }

            @Override
            public boolean emptyListParameter() {
              return false;
            }

            @Override
            public AwsException badValue(String name, String raw) {
              return new AwsException(
                  AwsError.INVALID_PARAMETER_VALUE,
                  "Invalid value '" + raw + "' for " + name.replaceAll("\\.\\d+", ""));
            }
          });

  private Ec2Codec() {}

  /** Fills {@code builder} from {@code params} and builds it. */
  public static Object decode(SdkPojo builder, Map<String, String> params) {
    return DECODER.build(builder, params);
  }

  /** {@code <OpResponse xmlns=…><requestId>…</requestId>members</OpResponse>}. */
  public static String response(String operation, String xmlns, SdkPojo result, String requestId) {
    Xml xml = new Xml().open(operation + "Response", xmlns).element("requestId", requestId);
    if (result != null) {
      members(xml, result);
    }
    return DECLARATION + xml.close(operation + "Response");
  }

  private static void members(Xml xml, SdkPojo pojo) {
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value != null) {
        value(xml, field, field.unmarshallLocationName(), value);
      }
    }
  }

  private static void value(Xml xml, SdkField<?> field, String name, Object value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      if (value instanceof SdkAutoConstructList) {
        return;
      }
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      xml.open(name);
      for (Object item : (List<?>) value) {
        value(xml, member, "item", item);
      }
      xml.close(name);
    } else if (type == MarshallingType.SDK_POJO) {
      xml.open(name);
      members(xml, (SdkPojo) value);
      xml.close(name);
    } else if (type == MarshallingType.MAP) {
      // EC2 responses have no maps
    } else {
      xml.element(name, String.valueOf(value));
    }
  }

  /** EC2's error document. */
  public static String error(String code, String message, String requestId) {
    return DECLARATION
        + new Xml()
            .open("Response")
            .open("Errors")
            .open("Error")
            .element("Code", code)
            .element("Message", message)
            .close("Error")
            .close("Errors")
            .element("RequestID", requestId)
            .close("Response");
  }
}
