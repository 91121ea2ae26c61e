package dev.iamkata.shell.aws.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.iamkata.shell.aws.AwsCliException;
import dev.iamkata.shell.aws.OperationModel;
import dev.iamkata.shell.aws.Paginators;
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
  private static final List<String> CLI_FLAGS = List.of("--cli-input-json", "--cli-input-yaml");

  /** The CLI's paging flags of a paginated operation; they replace model members of the name. */
  private static final List<String> PAGING =
      List.of("--max-items", "--page-size", "--starting-token");

  private final OperationModel op;
  private final ParamFiles files;
  private final boolean paginated;
  private final Map<String, SdkField<?>> flags = new LinkedHashMap<>();
  private final Map<String, String> paging = new LinkedHashMap<>();
  private final Customizations custom;
  private final boolean rawBinary;
  private String outfile;

  public ParamParser(OperationModel op, ParamFiles files) {
    this(op, files, false);
  }

  /**
   * @param rawBinary {@code --cli-binary-format raw-in-base64-out}: a blob given as text is its
   *     UTF-8 bytes (else it must be base64, v2's default)
   */
  public ParamParser(OperationModel op, ParamFiles files, boolean rawBinary) {
    this.op = op;
    this.files = files;
    this.rawBinary = rawBinary;
    this.custom = new Customizations(op);
    this.paginated = Paginators.of(op.service(), op.name()) != null;
    for (SdkField<?> f : op.fields()) {
      String flag = "--" + CliNames.kebab(f.memberName());
      if (!(paginated && PAGING.contains(flag)) && !custom.removedFlags().contains(flag)) {
        flags.put(flag, f);
      }
    }
  }

  /** {@code --max-items}, {@code --page-size}, {@code --starting-token} as given. */
  public Map<String, String> paging() {
    return paging;
  }

  /** The {@code outfile} positional of a streaming-output operation, once parsed; else null. */
  public String outfile() {
    return outfile;
  }

  /** {@code iam create-virtual-mfa-device --outfile}, once parsed; else null. */
  public String mfaOutfile() {
    return custom.mfaOutfile();
  }

  /** {@code iam create-virtual-mfa-device --bootstrap-method}, once parsed; else null. */
  public String bootstrapMethod() {
    return custom.bootstrapMethod();
  }

  /** The file {@code --body} names for a streaming-input operation, once parsed; else null. */
  public String body() {
    return custom.body();
  }

  /** The flags an operation takes, in the model's order, for help and completion. */
  public Map<String, SdkField<?>> flags() {
    return flags;
  }

  /** The request the words ask for. */
  public SdkRequest parse(List<String> all) {
    List<String> words = custom.take(all);
    Map<SdkField<?>, List<String>> given = new LinkedHashMap<>();
    Map<SdkField<?>, Boolean> switches = new LinkedHashMap<>();
    Map<String, String> cli = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (custom.outfile() && outfile == null && !w.startsWith("-")) {
        // argparse gives a word no option consumed to the positional
        outfile = w;
        continue;
      }
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
      boolean pagingFlag = paginated && PAGING.contains(name);
      if (field == null && !CLI_FLAGS.contains(name) && !pagingFlag) {
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
      if (pagingFlag) {
        paging.put(name, values.get(0));
      } else if (field == null) {
        cli.put(name, values.get(0));
      } else {
        given.put(field, values);
      }
    }
    boolean fromJson = cli.containsKey("--cli-input-json");
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, SdkField<?>> e : flags.entrySet()) {
      SdkField<?> f = e.getValue();
      if (ParamValues.required(op.requestType(), f)
          && !custom.notRequired().contains(f.memberName())
          && !given.containsKey(f)
          && !switches.containsKey(f)
          && !fromJson) {
        missing.add(e.getKey());
      }
    }
    if (custom.outfile() && outfile == null) {
      missing.add("outfile");
    }
    missing.addAll(custom.missing());
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
    custom.apply(
        builder, files, given.keySet().stream().anyMatch(f -> f.memberName().equals("Code")));
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
      if (rawBinary) {
        return SdkBytes.fromUtf8String(v);
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
