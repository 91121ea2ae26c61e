package dev.iamkata.shell.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.shell.aws.args.Choices;
import dev.iamkata.shell.aws.args.GlobalArgs;
import dev.iamkata.shell.aws.args.GlobalOptions;
import dev.iamkata.shell.aws.args.ParamFiles;
import dev.iamkata.shell.aws.args.ParamParser;
import dev.iamkata.shell.aws.configure.ConfigureCommand;
import dev.iamkata.shell.aws.output.OutputFormat;
import dev.iamkata.shell.aws.s3.S3Commands;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The built-in {@code aws}: aws CLI v2's grammar, output and errors for the services the engine
 * implements, in-process. One instance serves a whole shell; it keeps the HTTP client and the SDK
 * clients between commands. Thread-safe.
 */
public final class BuiltinAws implements AutoCloseable {
  private final ClientCache clients;
  private final Clock clock;

  /**
   * @param http the HTTP client every SDK client shares (the caller closes it)
   * @param clock the real clock, for the credential cache's freshness and session names
   */
  public BuiltinAws(SdkHttpClient http, Clock clock) {
    this.clients = new ClientCache(http);
    this.clock = clock;
  }

  /** A built-in aws with its own HTTP client and the system clock. */
  public static BuiltinAws create() {
    return new BuiltinAws(ApacheHttpClient.builder().maxConnections(16).build(), Clock.systemUTC());
  }

  /**
   * Runs one aws command line.
   *
   * @param args the words after {@code aws}
   * @param env the learner's environment variables (HOME, AWS_*)
   * @param cwd the learner's working directory, for {@code file://} and {@code s3 cp}
   * @param stdin what {@code aws configure} and MFA prompts read
   * @param defaultEndpoint where calls go when neither {@code --endpoint-url} nor {@code
   *     AWS_ENDPOINT_URL} says; null for none (then the command is refused)
   * @return the CLI's exit code
   */
  public int run(
      List<String> args,
      Map<String, String> env,
      Path cwd,
      InputStream stdin,
      PrintStream stdout,
      PrintStream stderr,
      String defaultEndpoint) {
    try {
      GlobalOptions g = GlobalArgs.parse(args);
      BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
      AwsSession session = new AwsSession(env, g, defaultEndpoint, clients, clock, in, stderr);
      ParamFiles files = new ParamFiles(cwd, env.get("HOME"));
      List<String> rest = g.rest();
      if (rest.isEmpty()) {
        throw AwsCliException.usage("the following arguments are required: command");
      }
      String command = rest.get(0);
      List<String> words = rest.subList(1, rest.size());
      if (command.equals("configure")) {
        return new ConfigureCommand(session, in, stdout).run(words);
      }
      if (command.equals("s3")) {
        return new S3Commands(session, files, stdout).run(words, stderr);
      }
      AwsService service =
          AwsService.byCliName(command)
              .orElseThrow(
                  () ->
                      AwsCliException.usage(
                          "argument command: " + Choices.invalid(command, commands())));
      return operation(service, words, session, files, stdout);
    } catch (AwsCliException e) {
      stderr.print(e.stderr());
      stderr.flush();
      return e.exitCode();
    } catch (RuntimeException e) {
      stderr.print("\n" + e + "\n");
      return AwsCliException.GENERAL;
    }
  }

  private static List<String> commands() {
    List<String> out = new ArrayList<>();
    for (AwsService s : AwsService.values()) {
      out.add(s.cliName());
    }
    out.addAll(List.of("s3", "configure", "help"));
    out.sort(null);
    return out;
  }

  private int operation(
      AwsService service,
      List<String> words,
      AwsSession session,
      ParamFiles files,
      PrintStream out) {
    if (words.isEmpty()) {
      throw AwsCliException.usage("the following arguments are required: operation");
    }
    Map<String, OperationModel> ops = OperationModel.of(service);
    String name = words.get(0);
    if (name.equals("help")) {
      out.print(Help.service(service, ops.keySet()));
      return 0;
    }
    OperationModel op = ops.get(name);
    if (op == null) {
      // The CLI lists operations in the model's order, which sorts by API name (SSH before Se).
      List<String> choices =
          new ArrayList<>(
              ops.values().stream()
                  .sorted(java.util.Comparator.comparing(OperationModel::name))
                  .map(OperationModel::cliName)
                  .toList());
      choices.add("help");
      throw AwsCliException.usage("argument operation: " + Choices.invalid(name, choices));
    }
    List<String> params = words.subList(1, words.size());
    ParamParser parser = new ParamParser(op, files, session.options().rawBinary());
    if (params.contains("help")) {
      out.print(Help.operation(op, parser.flags()));
      return 0;
    }
    int skeleton = params.indexOf("--generate-cli-skeleton");
    if (skeleton >= 0) {
      out.print(Skeleton.of(op) + "\n");
      return 0;
    }
    SdkRequest request = parser.parse(params);
    ObjectNode result =
        Streaming.handles(op)
            ? Streaming.call(session, op, request, parser, files)
            : Pager.call(session, op, request, parser.paging());
    if (op.service() == AwsService.IAM && op.name().equals("CreateVirtualMFADevice")) {
      MfaBootstrap.save(result, parser, files);
    }
    if (op.service() == AwsService.S3API && op.name().equals("GetBucketLocation")) {
      // botocore reads the element's text: an empty LocationConstraint is None (us-east-1)
      String location = result.path("LocationConstraint").asText("");
      result.set(
          "LocationConstraint",
          location.isEmpty()
              ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
              : result.get("LocationConstraint"));
    }
    String text =
        OutputFormat.render(result, session.output(), session.options().query(), op.name());
    out.print(text);
    out.flush();
    return 0;
  }

  /** The CLI names of a service's operations, for completion. */
  public static List<String> operations(String service) {
    return AwsService.byCliName(service)
        .map(s -> List.copyOf(OperationModel.of(s).keySet()))
        .orElse(List.of());
  }

  /** The {@code --flags} of an operation, for completion. */
  public static List<String> flags(String service, String operation) {
    return AwsService.byCliName(service)
        .map(s -> OperationModel.of(s).get(operation))
        .map(op -> List.copyOf(new ParamParser(op, null).flags().keySet()))
        .orElse(List.of());
  }

  /** The services the built-in knows, by CLI name (with {@code s3} and {@code configure}). */
  public static List<String> services() {
    return commands().stream().filter(c -> !c.equals("help")).toList();
  }

  @Override
  public void close() {
    clients.close();
  }
}
