package dev.iamkata.engine.protocol.query;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Reads query-protocol form parameters ({@code RoleName=x&Tags.member.1.Key=k}) into an SDK request
 * builder, driven by the builder's own field descriptions, so parameter names, list encodings and
 * nested shapes are exactly the ones the SDK and the aws CLI send. The EC2 protocol's forms differ
 * only in how lists are spelled and bad values reported, so it reads them with its own {@link
 * Spelling}.
 */
public final class QueryDecoder {
  /** What a query-style protocol spells its own way; everything else is read alike. */
  public interface Spelling {
    /** The parameter prefix of the entries of list {@code name}, to which 1, 2, … are appended. */
    String listEntries(ListTrait list, String name);

    /** True when a bare {@code name=} stands for an explicitly empty list. */
    boolean emptyListParameter();

    /** The error for {@code raw}, the value of parameter {@code name}, not parsing as its type. */
    AwsException badValue(String name, String raw);
  }

  private static final QueryDecoder QUERY =
      new QueryDecoder(
          new Spelling() {
            @Override
            public String listEntries(ListTrait list, String name) {
              return list.isFlattened() ? name + "." : name + ".member.";
            }

            // botocore sends "Name=" for an explicitly empty list
            @Override
            public boolean emptyListParameter() {
              return true;
            }

            @Override
            public AwsException badValue(String name, String raw) {
              return new AwsException(
                  AwsError.VALIDATION_ERROR,
                  "1 validation error detected: Value '"
                      + raw
                      + "' at '"
                      + name
                      + "' failed to parse");
            }
          });

  private final Spelling spelling;

  /** A decoder for forms spelled as {@code spelling} says. */
  public QueryDecoder(Spelling spelling) {
    this.spelling = spelling;
  }

  /** Fills {@code builder} from query-protocol {@code params} and builds it. */
  public static Object decode(SdkPojo builder, Map<String, String> params) {
    return QUERY.build(builder, params);
  }

  /** Fills {@code builder} from {@code params} and builds it. */
  public Object build(SdkPojo builder, Map<String, String> params) {
    fill(builder, "", params);
    return ((Buildable) builder).build();
  }

  private void fill(SdkPojo builder, String prefix, Map<String, String> params) {
    for (SdkField<?> field : builder.sdkFields()) {
      Object value = read(field, prefix + field.locationName(), params);
      if (value != null) {
        field.set(builder, value);
      }
    }
  }

  private Object read(SdkField<?> field, String name, Map<String, String> params) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      return readList(field.getTrait(ListTrait.class), name, params);
    }
    if (type == MarshallingType.MAP) {
      return readMap(field.getTrait(MapTrait.class), name, params);
    }
    if (type == MarshallingType.SDK_POJO) {
      if (!hasPrefix(params, name + ".")) {
        return null;
      }
      SdkPojo nested = field.constructor().get();
      fill(nested, name + ".", params);
      return ((Buildable) nested).build();
    }
    String raw = params.get(name);
    return raw == null ? null : scalar(type, name, raw);
  }

  private List<Object> readList(ListTrait trait, String name, Map<String, String> params) {
    String base = spelling.listEntries(trait, name);
    List<Object> out = new ArrayList<>();
    for (int i = 1; ; i++) {
      String itemName = base + i;
      if (!params.containsKey(itemName) && !hasPrefix(params, itemName + ".")) {
        break;
      }
      out.add(read(trait.memberFieldInfo(), itemName, params));
    }
    if (out.isEmpty() && !(spelling.emptyListParameter() && params.containsKey(name))) {
      return null;
    }
    return out;
  }

  private Map<String, Object> readMap(MapTrait trait, String name, Map<String, String> params) {
    String base = trait.isFlattened() ? name + "." : name + ".entry.";
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 1; params.containsKey(base + i + "." + trait.keyLocationName()); i++) {
      String key = params.get(base + i + "." + trait.keyLocationName());
      out.put(
          key, read(trait.valueFieldInfo(), base + i + "." + trait.valueLocationName(), params));
    }
    return out.isEmpty() ? null : out;
  }

  private Object scalar(MarshallingType<?> type, String name, String raw) {
    try {
      if (type == MarshallingType.STRING) {
        return raw;
      } else if (type == MarshallingType.INTEGER) {
        return Integer.valueOf(raw);
      } else if (type == MarshallingType.LONG) {
        return Long.valueOf(raw);
      } else if (type == MarshallingType.BOOLEAN) {
        return Boolean.valueOf(raw);
      } else if (type == MarshallingType.INSTANT) {
        return Instant.parse(raw);
      } else if (type == MarshallingType.DOUBLE) {
        return Double.valueOf(raw);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw spelling.badValue(name, raw);
    }
    throw new AwsException(AwsError.INVALID_INPUT, "Unsupported parameter type for " + name);
  }

  private static boolean hasPrefix(Map<String, String> params, String prefix) {
    for (String key : params.keySet()) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
