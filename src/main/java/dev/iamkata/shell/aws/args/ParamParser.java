package dev.iamkata.shell.aws.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.iamkata.shell.aws.AwsCliException;
import dev.iamkata.shell.aws.OperationModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * An operation's {@code --flags} read as the CLI reads them: each request member is {@code
 * --kebab-name}; booleans are {@code --flag}/{@code --no-flag}; lists take several words;
 * structures and maps take shorthand or JSON; {@code file://} and {@code fileb://} values are read;
 * {@code --cli-input-json} gives members as JSON. Errors are the CLI's, with its exit codes.
 */
public final class ParamParser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The CLI's own flags of every operation, each with a value. */
  private static final List<String> CLI_FLAGS =
      List.of("--cli-input-json", "--cli-input-yaml", "--starting-token", "--page-size");

  private final OperationModel op;
  private final ParamFiles files;
  private final Map<String, SdkField<?>> flags = new LinkedHashMap<>();

  public ParamParser(OperationModel op, ParamFiles files) {
    this.op = op;
    this.files = files;
    for (SdkField<?> f : op.fields()) {
      flags.put("--" + CliNames.kebab(f.memberName()), f);
    }
  }

  /** The flags an operation takes, in the model's order, for help and completion. */
  public Map<String, SdkField<?>> flags() {
    return flags;
  }

  /** The request the words ask for. */
  public SdkRequest parse(List<String> words) {
    Map<SdkField<?>, List<String>> given = new LinkedHashMap<>();
    Map<SdkField<?>, Boolean> switches = new LinkedHashMap<>();
    Map<String, String> cli = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String name = w;
      String inline = null;
      if (w.startsWith("--") && w.indexOf('=') > 0) {
        name = w.substring(0, w.indexOf('='));
        inline = w.substring(w.indexOf('=') + 1);
      }
      SdkField<?> field = flags.get(name);
      SdkField<?> negated = name.startsWith("--no-") ? flags.get("--" + name.substring(5)) : null;
      if (field != null && field.marshallingType() == MarshallingType.BOOLEAN) {
        switches.put(field, true);
        continue;
      }
      if (negated != null && negated.marshallingType() == MarshallingType.BOOLEAN) {
        switches.put(negated, false);
        continue;
      }
      boolean list = field != null && field.marshallingType() == MarshallingType.LIST;
      if (field == null && !CLI_FLAGS.contains(name)) {
        unknown.add(w);
        continue;
      }
      List<String> values = new ArrayList<>();
      if (inline != null) {
        values.add(inline);
      }
      while (i + 1 < words.size()
          && !words.get(i + 1).startsWith("--")
          && (values.isEmpty() || list)) {
        values.add(words.get(++i));
      }
      if (values.isEmpty()) {
        throw AwsCliException.usage(
            "argument " + name + ": expected " + (list ? "at least one argument" : "one argument"));
      }
      if (field == null) {
        cli.put(name, values.get(0));
      } else {
        given.put(field, values);
      }
    }
    boolean fromJson = cli.containsKey("--cli-input-json");
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, SdkField<?>> e : flags.entrySet()) {
      SdkField<?> f = e.getValue();
      if (f.containsTrait(RequiredTrait.class)
          && !given.containsKey(f)
          && !switches.containsKey(f)
          && !fromJson) {
        missing.add(e.getKey());
      }
    }
    if (!missing.isEmpty()) {
      throw AwsCliException.usage(
          "the following arguments are required: " + String.join(", ", missing));
    }
    if (!unknown.isEmpty()) {
      throw AwsCliException.unknownOptions(String.join(", ", unknown));
    }
    return build(given, switches, cli);
  }

  private SdkRequest build(
      Map<SdkField<?>, List<String>> given,
      Map<SdkField<?>, Boolean> switches,
      Map<String, String> cli) {
    SdkPojo builder = op.newBuilder();
    ParamValues strict = new ParamValues(false);
    if (cli.containsKey("--cli-input-json")) {
      String text = files.text("--cli-input-json", cli.get("--cli-input-json"));
      strict.fill(builder, json("--cli-input-json", text), "input");
    }
    ParamValues lenient = new ParamValues(true);
    for (Map.Entry<SdkField<?>, List<String>> e : given.entrySet()) {
      SdkField<?> f = e.getKey();
      String cliName = "--" + CliNames.kebab(f.memberName());
      Object v = value(f, cliName, e.getValue(), strict, lenient);
      if (v != null) {
        f.set(builder, v);
      }
    }
    switches.forEach((f, v) -> f.set(builder, v));
    List<String> errors = new ArrayList<>(strict.errors());
    errors.addAll(lenient.errors());
    if (!errors.isEmpty()) {
      throw AwsCliException.of(
          AwsCliException.PARAM, "Parameter validation failed:\n" + String.join("\n", errors));
    }
    return (SdkRequest) ((Buildable) builder).build();
  }

  private Object value(
      SdkField<?> f, String cliName, List<String> raw, ParamValues strict, ParamValues lenient) {
    MarshallingType<?> type = f.marshallingType();
    String path = f.memberName();
    if (type == MarshallingType.SDK_BYTES) {
      String v = raw.get(0);
      if (ParamFiles.isFile(v)) {
        return SdkBytes.fromByteArray(files.bytes(cliName, v));
      }
      return lenient.convert(f, NODES.textNode(v), path);
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
      String first = files.text(cliName, raw.get(0));
      if (raw.size() == 1 && first.stripLeading().startsWith("[")) {
        return strict.convert(f, json(cliName, first), path);
      }
      ArrayNode items = NODES.arrayNode();
      boolean complex = isComplex(member);
      boolean json = false;
      for (String r : raw) {
        String t = files.text(cliName, r);
        if (complex && t.stripLeading().startsWith("{")) {
          items.add(json(cliName, t));
          json = true;
        } else if (complex) {
          items.add(shorthand(cliName, t));
        } else {
          items.add(scalarNode(member, cliName, t));
        }
      }
      return (json ? strict : lenient).convert(f, items, path);
    }
    String text = files.text(cliName, raw.get(0));
    if (isComplex(f)) {
      if (text.stripLeading().startsWith("{") || text.stripLeading().startsWith("[")) {
        return strict.convert(f, json(cliName, text), path);
      }
      return lenient.convert(f, shorthand(cliName, text), path);
    }
    return lenient.convert(f, scalarNode(f, cliName, text), path);
  }

  /** A scalar word checked as the CLI's {@code int()} and {@code float()} conversions check it. */
  private static JsonNode scalarNode(SdkField<?> f, String cliName, String text) {
    MarshallingType<?> type = f.marshallingType();
    if (type == MarshallingType.INTEGER || type == MarshallingType.LONG) {
      try {
        return NODES.numberNode(Long.parseLong(text.trim()));
      } catch (NumberFormatException e) {
        throw AwsCliException.of(
            AwsCliException.GENERAL, "invalid literal for int() with base 10: '" + text + "'");
      }
    }
    if (type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT) {
      try {
        return NODES.numberNode(Double.parseDouble(text.trim()));
      } catch (NumberFormatException e) {
        throw AwsCliException.of(
            AwsCliException.GENERAL, "could not convert string to float: '" + text + "'");
      }
    }
    if (type == MarshallingType.BOOLEAN) {
      return NODES.booleanNode(text.equalsIgnoreCase("true"));
    }
    return NODES.textNode(text);
  }

  private static boolean isComplex(SdkField<?> f) {
    MarshallingType<?> t = f.marshallingType();
    return t == MarshallingType.SDK_POJO || t == MarshallingType.MAP || t == MarshallingType.LIST;
  }

  private static JsonNode json(String cliName, String text) {
    try {
      return PyJsonParser.parse(text);
    } catch (PyJsonParser.JsonError e) {
      throw AwsCliException.param(
          cliName, "Invalid JSON: " + e.getMessage() + "\nJSON received: " + text);
    }
  }

  private static JsonNode shorthand(String cliName, String text) {
    try {
      return Shorthand.parse(text);
    } catch (Shorthand.SyntaxError e) {
      throw AwsCliException.param(cliName, e.getMessage());
    }
  }
}
