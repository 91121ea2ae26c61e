package dev.iamkata.shell.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.shell.aws.output.PyJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * {@code --generate-cli-skeleton}: every input member with a placeholder of its type, as the CLI's
 * argument generator writes it ({@code ""}, {@code 0}, {@code true}, {@code [item]}, {@code
 * {"KeyName": value}}).
 */
final class Skeleton {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Skeleton() {}

  static String of(OperationModel op) {
    return PyJson.dump(structure(op.fields(), new HashSet<>()));
  }

  private static ObjectNode structure(List<SdkField<?>> fields, Set<Class<?>> stack) {
    ObjectNode out = NODES.objectNode();
    for (SdkField<?> f : fields) {
      out.set(f.memberName(), value(f, stack));
    }
    return out;
  }

  private static JsonNode value(SdkField<?> f, Set<Class<?>> stack) {
    MarshallingType<?> t = f.marshallingType();
    if (t == MarshallingType.LIST) {
      return NODES.arrayNode().add(value(f.getTrait(ListTrait.class).memberFieldInfo(), stack));
    }
    if (t == MarshallingType.MAP) {
      return NODES
          .objectNode()
          .set("KeyName", value(f.getTrait(MapTrait.class).valueFieldInfo(), stack));
    }
    if (t == MarshallingType.SDK_POJO) {
      SdkPojo b = f.constructor().get();
      if (!stack.add(b.getClass())) {
        return NODES.objectNode();
      }
      ObjectNode s = structure(b.sdkFields(), stack);
      stack.remove(b.getClass());
      return s;
    }
    if (t == MarshallingType.INTEGER || t == MarshallingType.LONG) {
      return NODES.numberNode(0);
    }
    if (t == MarshallingType.DOUBLE || t == MarshallingType.FLOAT) {
      return NODES.numberNode(0.0);
    }
    if (t == MarshallingType.BOOLEAN) {
      return NODES.booleanNode(true);
    }
    if (t == MarshallingType.INSTANT) {
      return NODES.textNode("1970-01-01T00:00:00");
    }
    return NODES.textNode("");
  }
}
