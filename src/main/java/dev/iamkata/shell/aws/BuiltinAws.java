package dev.iamkata.shell.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.shell.aws.args.Choices;
import dev.iamkata.shell.aws.args.GlobalArgs;
import dev.iamkata.shell.aws.args.GlobalOptions;
import dev.iamkata.shell.aws.args.ParamFiles;
import dev.iamkata.shell.aws.args.ParamParser;
import dev.iamkata.shell.aws.configure.ConfigureCommand;
import dev.iamkata.shell.aws.output.OutputFormat;
import dev.iamkata.shell.aws.output.ResponseTree;
import dev.iamkata.shell.aws.s3.S3Commands;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
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
      List<String> choices = new ArrayList<>(ops.keySet());
      choices.add("help");
      throw AwsCliException.usage("argument operation: " + Choices.invalid(name, choices));
    }
    List<String> params = words.subList(1, words.size());
    ParamParser parser = new ParamParser(op, files);
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
    ObjectNode result = Pager.call(session, op, request);
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

  /** Pages through a paginated operation as the CLI does, or calls it once. */
  static final class Pager {
    private Pager() {}

    static ObjectNode call(AwsSession session, OperationModel op, SdkRequest request) {
      Paginators.Paginator p = Paginators.of(op.service(), op.name());
      if (p == null || session.options().noPaginate() || userPaged(p, request)) {
        return ResponseTree.of((SdkPojo) session.call(op, request));
      }
      List<ObjectNode> pages = new ArrayList<>();
      SdkRequest next = request;
      for (int i = 0; i < 1000; i++) {
        SdkResponse r = session.call(op, next);
        pages.add(ResponseTree.of((SdkPojo) r));
        List<Object> tokens = new ArrayList<>();
        for (String t : p.outputTokens()) {
          tokens.add(member((SdkPojo) r, t));
        }
        Object more = p.moreResults() == null ? null : member((SdkPojo) r, p.moreResults());
        if (Boolean.FALSE.equals(more) || tokens.stream().allMatch(java.util.Objects::isNull)) {
          break;
        }
        SdkPojo builder = (SdkPojo) next.toBuilder();
        for (int k = 0; k < p.inputTokens().size() && k < tokens.size(); k++) {
          set(builder, p.inputTokens().get(k), tokens.get(k));
        }
        next = (SdkRequest) ((software.amazon.awssdk.utils.builder.Buildable) builder).build();
      }
      return p.join(pages);
    }

    private static boolean userPaged(Paginators.Paginator p, SdkRequest request) {
      for (String t : p.inputTokens()) {
        if (member((SdkPojo) request, t) != null) {
          return true;
        }
      }
      return false;
    }

    private static Object member(SdkPojo pojo, String name) {
      for (SdkField<?> f : pojo.sdkFields()) {
        if (f.memberName().equals(name)) {
          Object v = f.getValueOrDefault(pojo);
          if (v instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap
              || v instanceof software.amazon.awssdk.core.util.SdkAutoConstructList) {
            return null;
          }
          return v;
        }
      }
      return null;
    }

    private static void set(SdkPojo builder, String name, Object value) {
      Arrays.stream(builder.sdkFields().toArray(new SdkField<?>[0]))
          .filter(f -> f.memberName().equals(name))
          .findFirst()
          .ifPresent(f -> f.set(builder, value));
    }
  }
}
