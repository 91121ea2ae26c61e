package dev.iamkata.shell.aws.args;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Turns a parameter's parsed value (JSON, or shorthand's strings) into the SDK's type for its
 * member, collecting botocore's validation messages ({@code Missing required parameter in Tags[0]:
 * "Value"}, {@code Unknown parameter in input: "Foo", must be one of: ...}, {@code Invalid type for
 * parameter ...}). Shorthand values are coerced as the CLI's back-compat visitor does (strings to
 * numbers and booleans, a single value to a list).
 */
public final class ParamValues {
  private final List<String> errors = new ArrayList<>();
  private final boolean lenient;

  /**
   * @param lenient whether the value came from shorthand syntax (coerce strings)
   */
  public ParamValues(boolean lenient) {
    this.lenient = lenient;
  }

  /** The validation messages so far, in botocore's order. */
  public List<String> errors() {
    return errors;
  }

  /** The SDK value of {@code node} for {@code field}, or null after recording an error. */
  public Object convert(SdkField<?> field, JsonNode node, String path) {
    MarshallingType<?> type = field.marshallingType();
    if (node == null || node.isNull()) {
      return null;
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      if (!node.isArray()) {
        if (lenient) {
          return new ArrayList<>(List.of(nonNull(convert(member, node, path + "[0]"))));
        }
        return invalid(path, node, "<class 'list'>, <class 'tuple'>");
      }
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        Object v = convert(member, node.get(i), path + "[" + i + "]");
        if (v != null) {
          out.add(v);
        }
      }
      return out;
    }
    if (type == MarshallingType.MAP) {
      if (!node.isObject()) {
        return invalid(path, node, "<class 'dict'>");
      }
      SdkField<?> value = field.getTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), convert(value, e.getValue(), path + "." + e.getKey()));
      }
      return out;
    }
    if (type == MarshallingType.SDK_POJO) {
      if (!node.isObject()) {
        return invalid(path, node, "<class 'dict'>");
      }
      SdkPojo builder = field.constructor().get();
      fill(builder, node, path);
      return ((Buildable) builder).build();
    }
    return scalar(type, node, path);
  }

  /** Fills a structure's builder from an object, checking required and unknown members. */
  public void fill(SdkPojo builder, JsonNode node, String path) {
    Map<String, SdkField<?>> byName = new LinkedHashMap<>();
    for (SdkField<?> f : builder.sdkFields()) {
      byName.put(f.memberName(), f);
    }
    for (SdkField<?> f : builder.sdkFields()) {
      if (f.containsTrait(RequiredTrait.class) && !node.has(f.memberName())) {
        errors.add("Missing required parameter in " + path + ": \"" + f.memberName() + "\"");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      SdkField<?> f = byName.get(e.getKey());
      if (f == null) {
        errors.add(
            "Unknown parameter in "
                + path
                + ": \""
                + e.getKey()
                + "\", must be one of: "
                + String.join(", ", byName.keySet()));
        continue;
      }
      Object v =
          convert(f, e.getValue(), path.equals("input") ? e.getKey() : path + "." + e.getKey());
      if (v != null) {
        f.set(builder, v);
      }
    }
  }

  private Object scalar(MarshallingType<?> type, JsonNode node, String path) {
    if (type == MarshallingType.STRING) {
      if (node.isTextual()) {
        return node.textValue();
      }
      return invalid(path, node, "<class 'str'>");
    }
    if (type == MarshallingType.INTEGER || type == MarshallingType.LONG) {
      if (node.isIntegralNumber()) {
        return type == MarshallingType.INTEGER ? (Object) node.intValue() : node.longValue();
      }
      if (lenient && node.isTextual() && node.textValue().matches("-?\\d+")) {
        long l = Long.parseLong(node.textValue());
        return type == MarshallingType.INTEGER ? (Object) (int) l : l;
      }
      return invalid(path, node, "<class 'int'>");
    }
    if (type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT) {
      if (node.isNumber()) {
        return type == MarshallingType.DOUBLE ? (Object) node.doubleValue() : node.floatValue();
      }
      if (lenient && node.isTextual()) {
        try {
          double d = Double.parseDouble(node.textValue());
          return type == MarshallingType.DOUBLE ? (Object) d : (float) d;
        } catch (NumberFormatException e) {
          return invalid(path, node, "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>");
        }
      }
      return invalid(path, node, "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>");
    }
    if (type == MarshallingType.BOOLEAN) {
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      if (lenient && node.isTextual()) {
        return node.textValue().equalsIgnoreCase("true");
      }
      return invalid(path, node, "<class 'bool'>");
    }
    if (type == MarshallingType.INSTANT) {
      Instant t = instant(node);
      return t != null ? t : invalid(path, node, "<class 'datetime.datetime'>, timestamp-string");
    }
    if (type == MarshallingType.SDK_BYTES) {
      if (!node.isTextual()) {
        return invalid(path, node, "<class 'bytes'>, <class 'bytearray'>, file-like object");
      }
      try {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.textValue()));
      } catch (IllegalArgumentException e) {
        errors.add("Invalid base64: \"" + node.textValue() + "\"");
        return null;
      }
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  /** A timestamp from ISO 8601 text or epoch seconds, as the CLI accepts them. */
  public static Instant instant(JsonNode node) {
    if (node.isNumber()) {
      return Instant.ofEpochMilli((long) (node.doubleValue() * 1000));
    }
    String s = node.asText().trim();
    try {
      if (s.matches("-?\\d+(\\.\\d+)?")) {
        return Instant.ofEpochMilli((long) (Double.parseDouble(s) * 1000));
      }
      if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Instant.parse(s + "T00:00:00Z");
      }
      if (!s.matches(".*([zZ]|[+-]\\d{2}:?\\d{2})$")) {
        s = s + "Z";
      }
      return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private Object invalid(String path, JsonNode node, String valid) {
    errors.add(
        "Invalid type for parameter "
            + path
            + ", value: "
            + PyRepr.of(node)
            + ", type: "
            + PyRepr.type(node)
            + ", valid types: "
            + valid);
    return null;
  }

  private static Object nonNull(Object o) {
    return o == null ? "" : o;
  }
}
