package dev.iamkata.shell.aws;

import dev.iamkata.shell.aws.args.CliNames;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.RequiredTrait;

/** {@code aws SERVICE help} and {@code aws SERVICE OPERATION help}: the CLI's synopsis layout. */
final class Help {
  private Help() {}

  static String service(AwsService service, Collection<String> operations) {
    StringBuilder out = new StringBuilder();
    out.append("NAME\n       ").append(service.cliName()).append(" -\n\n");
    out.append("AVAILABLE COMMANDS\n");
    for (String op : operations) {
      out.append("       o ").append(op).append("\n\n");
    }
    return out.toString();
  }

  static String operation(OperationModel op, Map<String, SdkField<?>> flags) {
    StringBuilder out = new StringBuilder();
    out.append("NAME\n       ").append(op.cliName()).append(" -\n\n");
    out.append("SYNOPSIS\n            ").append(op.cliName()).append('\n');
    for (Map.Entry<String, SdkField<?>> e : flags.entrySet()) {
      SdkField<?> f = e.getValue();
      boolean required = f.containsTrait(RequiredTrait.class);
      String flag =
          f.marshallingType() == MarshallingType.BOOLEAN
              ? e.getKey() + " | --no-" + CliNames.kebab(f.memberName())
              : e.getKey() + " <value>";
      out.append("          ").append(required ? flag : "[" + flag + "]").append('\n');
    }
    out.append("          [--cli-input-json <value>]\n");
    out.append("          [--generate-cli-skeleton <value>]\n\n");
    out.append("OPTIONS\n");
    for (Map.Entry<String, SdkField<?>> e : flags.entrySet()) {
      out.append("       ")
          .append(e.getKey())
          .append(" (")
          .append(type(e.getValue()))
          .append(")\n\n");
    }
    return out.toString();
  }

  private static String type(SdkField<?> f) {
    MarshallingType<?> t = f.marshallingType();
    if (t == MarshallingType.LIST) {
      return "list";
    }
    if (t == MarshallingType.MAP) {
      return "map";
    }
    if (t == MarshallingType.SDK_POJO) {
      return "structure";
    }
    if (t == MarshallingType.INSTANT) {
      return "timestamp";
    }
    if (t == MarshallingType.SDK_BYTES) {
      return "blob";
    }
    return t.getTargetClass().getSimpleName().toLowerCase().replace("integer", "integer");
  }
}
