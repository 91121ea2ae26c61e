package dev.iamkata.shell.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK response as the CLI holds it before printing: the model's member names in the model's
 * order, absent members left out, timestamps as CLI v2 prints them ({@code
 * 2023-08-19T12:14:19+00:00}, Python's {@code isoformat()}), blobs base64.
 */
public final class ResponseTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

  private ResponseTree() {}

  /** The object for an SDK model object (the response metadata is not a member). */
  public static ObjectNode of(SdkPojo pojo) {
    ObjectNode out = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      JsonNode node = value == null ? null : write(field, value);
      if (node != null) {
        out.set(field.memberName(), node);
      }
    }
    return out;
  }

  /** A timestamp as Python's {@code datetime.isoformat()} prints a UTC time. */
  public static String timestamp(Instant instant) {
    return instant.getNano() / 1000 == 0 ? SECONDS.format(instant) : MICROS.format(instant);
  }

  private static JsonNode write(SdkField<?> field, Object value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      if (value instanceof SdkAutoConstructList) {
        return null;
      }
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      ArrayNode out = NODES.arrayNode();
      for (Object item : (List<?>) value) {
        out.add(item == null ? NODES.nullNode() : write(member, item));
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
            e.getValue() == null ? NODES.nullNode() : write(member, e.getValue()));
      }
      return out;
    }
    return scalar(value);
  }

  private static JsonNode scalar(Object value) {
    if (value instanceof SdkPojo pojo) {
      return of(pojo);
    }
    if (value instanceof Instant instant) {
      return NODES.textNode(timestamp(instant));
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
      return NODES.numberNode(f.doubleValue());
    }
    if (value instanceof Document doc) {
      return NODES.textNode(doc.toString());
    }
    return NODES.textNode(String.valueOf(value));
  }
}
