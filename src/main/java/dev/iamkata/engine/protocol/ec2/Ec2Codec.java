package dev.iamkata.engine.protocol.ec2;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.protocol.Xml;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Reads EC2 query parameters ({@code InstanceId.1=i-1&Filter.1.Name=x&Filter.1.Value.1=y}) into SDK
 * request builders and writes SDK responses as EC2's XML, both driven by the SDK's field
 * descriptions: requests use each field's capitalised location name, responses its lower-camel
 * unmarshalling name, lists are {@code Name.N} in and {@code <name><item>…</item></name>} out.
 */
public final class Ec2Codec {
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private Ec2Codec() {}

  /** Fills {@code builder} from {@code params} and builds it. */
  public static Object decode(SdkPojo builder, Map<String, String> params) {
    fill(builder, "", params);
    return ((Buildable) builder).build();
  }

  private static void fill(SdkPojo builder, String prefix, Map<String, String> params) {
    for (SdkField<?> field : builder.sdkFields()) {
      Object value = read(field, prefix + field.locationName(), params);
      if (value != null) {
        field.set(builder, value);
      }
    }
  }

  private static Object read(SdkField<?> field, String name, Map<String, String> params) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> out = new ArrayList<>();
      for (int i = 1; ; i++) {
        String item = name + "." + i;
        if (!params.containsKey(item) && !hasPrefix(params, item + ".")) {
          break;
        }
        out.add(read(member, item, params));
      }
      return out.isEmpty() ? null : out;
    }
    if (type == MarshallingType.SDK_POJO) {
      if (!hasPrefix(params, name + ".")) {
        return null;
      }
      SdkPojo nested = field.constructor().get();
      fill(nested, name + ".", params);
      return ((Buildable) nested).build();
    }
    if (type == MarshallingType.MAP) {
      return null;
    }
    String raw = params.get(name);
    if (raw == null) {
      return null;
    }
    try {
      if (type == MarshallingType.STRING) {
        return raw;
      } else if (type == MarshallingType.INTEGER) {
        return Integer.valueOf(raw);
      } else if (type == MarshallingType.LONG) {
        return Long.valueOf(raw);
      } else if (type == MarshallingType.BOOLEAN) {
        return Boolean.valueOf(raw);
      } else if (type == MarshallingType.DOUBLE) {
        return Double.valueOf(raw);
      } else if (type == MarshallingType.INSTANT) {
        return Instant.parse(raw);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new AwsException(
          AwsError.INVALID_PARAMETER_VALUE,
          "Invalid value '" + raw + "' for " + name.replaceAll("\\.\\d+", ""));
    }
    return null;
  }

  private static boolean hasPrefix(Map<String, String> params, String prefix) {
    for (String key : params.keySet()) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
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
