package dev.iamkata.engine.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Reads and writes JSON-protocol bodies through the SDK model's own field descriptions ({@code
 * sdkFields()}): member names, nested shapes, lists, maps, blobs (base64) and timestamps (epoch
 * seconds) exactly as the SDK and the aws CLI send and expect them.
 */
public final class JsonCodec {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonCodec() {}

  /** Fills {@code builder} from the JSON object {@code body} and builds it. */
  public static Object decode(SdkPojo builder, JsonNode body) {
    return decode(builder, body, SdkField::locationName);
  }

  /**
   * As {@link #decode(SdkPojo, JsonNode)}, with the model's member names (as in botocore and the
   * aws CLI's JSON input) instead of the wire's location names; for every protocol alike.
   */
  public static Object decodeMembers(SdkPojo builder, JsonNode body) {
    return decode(builder, body, SdkField::memberName);
  }

  private static Object decode(SdkPojo builder, JsonNode body, Naming naming) {
    fill(builder, body, naming);
    return ((Buildable) builder).build();
  }

  /** The JSON object for an SDK model object. */
  public static ObjectNode encode(SdkPojo pojo) {
    return encode(pojo, SdkField::locationName);
  }

  /** As {@link #encode(SdkPojo)}, keyed by the model's member names. */
  public static ObjectNode encodeMembers(SdkPojo pojo) {
    return encode(pojo, SdkField::memberName);
  }

  /** Which name of a field the JSON uses. */
  private interface Naming {
    String of(SdkField<?> field);
  }

  private static ObjectNode encode(SdkPojo pojo, Naming naming) {
    ObjectNode out = NODES.objectNode();
    if (pojo == null) {
      return out;
    }
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      JsonNode node = value == null ? null : write(field, value, naming);
      if (node != null) {
        out.set(naming.of(field), node);
      }
    }
    return out;
  }

  private static void fill(SdkPojo builder, JsonNode body, Naming naming) {
    if (body == null || !body.isObject()) {
      return;
    }
    for (SdkField<?> field : builder.sdkFields()) {
      JsonNode node = body.get(naming.of(field));
      if (node != null && !node.isNull()) {
        field.set(builder, read(field, node, naming));
      }
    }
  }

  private static Object read(SdkField<?> field, JsonNode node, Naming naming) {
    MarshallingType<?> type = field.marshallingType();
    String name = naming.of(field);
    if (type == MarshallingType.LIST) {
      expect(node.isArray(), name, node);
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> out = new ArrayList<>();
      for (JsonNode item : node) {
        out.add(item.isNull() ? null : read(member, item, naming));
      }
      return out;
    }
    if (type == MarshallingType.MAP) {
      expect(node.isObject(), name, node);
      SdkField<?> value = field.getTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), e.getValue().isNull() ? null : read(value, e.getValue(), naming));
      }
      return out;
    }
    if (type == MarshallingType.SDK_POJO) {
      expect(node.isObject(), name, node);
      SdkPojo nested = field.constructor().get();
      fill(nested, node, naming);
      return ((Buildable) nested).build();
    }
    if (type == MarshallingType.STRING) {
      expect(node.isTextual(), name, node);
      return node.textValue();
    }
    if (type == MarshallingType.BOOLEAN) {
      expect(node.isBoolean(), name, node);
      return node.booleanValue();
    }
    if (type == MarshallingType.INTEGER) {
      expect(node.isNumber(), name, node);
      return node.intValue();
    }
    if (type == MarshallingType.LONG) {
      expect(node.isNumber(), name, node);
      return node.longValue();
    }
    if (type == MarshallingType.DOUBLE) {
      expect(node.isNumber(), name, node);
      return node.doubleValue();
    }
    if (type == MarshallingType.FLOAT) {
      expect(node.isNumber(), name, node);
      return node.floatValue();
    }
    if (type == MarshallingType.INSTANT) {
      expect(node.isNumber(), name, node);
      BigDecimal seconds = node.decimalValue();
      return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
    if (type == MarshallingType.SDK_BYTES) {
      expect(node.isTextual(), name, node);
      try {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.textValue()));
      } catch (IllegalArgumentException e) {
        throw invalid(name, node);
      }
    }
    throw new AwsException(AwsError.SERIALIZATION, "Unsupported member " + name);
  }

  private static JsonNode write(SdkField<?> field, Object value, Naming naming) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      if (value instanceof SdkAutoConstructList) {
        return null;
      }
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      ArrayNode out = NODES.arrayNode();
      for (Object item : (List<?>) value) {
        out.add(item == null ? NODES.nullNode() : write(member, item, naming));
      }
      return out;
    }
    if (type == MarshallingType.MAP) {
      if (value instanceof SdkAutoConstructMap) {
        return null;
      }
      SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        out.set(
            String.valueOf(e.getKey()),
            e.getValue() == null ? NODES.nullNode() : write(member, e.getValue(), naming));
      }
      return out;
    }
    if (type == MarshallingType.SDK_POJO) {
      return encode((SdkPojo) value, naming);
    }
    if (value instanceof Instant instant) {
      return NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
    }
    if (value instanceof SdkBytes bytes) {
      return NODES.textNode(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Float f) {
      return NODES.numberNode(f);
    }
    return NODES.textNode(String.valueOf(value));
  }

  private static void expect(boolean ok, String name, JsonNode node) {
    if (!ok) {
      throw invalid(name, node);
    }
  }

  private static AwsException invalid(String name, JsonNode node) {
    return new AwsException(
        AwsError.SERIALIZATION,
        "Unexpected value for member " + name + ": " + abbreviate(node.toString()));
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
