package dev.iamkata.shell.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.iamkata.shell.aws.AwsCliException;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseException;

/**
 * Prints a response as {@code --output} and {@code --query} ask: JSON as Python's {@code
 * json.dumps} with 4 spaces (an empty response prints nothing), text as awscli's text formatter,
 * table as its table formatter, YAML as CLI v2's.
 */
public final class OutputFormat {
  private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .disable(YAMLGenerator.Feature.SPLIT_LINES));

  private OutputFormat() {}

  /** A compiled {@code --query}, or the CLI's error for a bad one. */
  public static Expression<JsonNode> query(String text) {
    try {
      return JMESPATH.compile(text);
    } catch (ParseException e) {
      throw AwsCliException.usage(
          "argument --query: Bad value for --query " + text + ": " + e.getMessage());
    }
  }

  /**
   * The text to print for {@code response} (an object), or "" when the CLI prints nothing.
   *
   * @param command the CLI command, for the table's title ({@code GetCallerIdentity})
   */
  public static String render(JsonNode response, String output, String query, String command) {
    JsonNode data = response;
    if (query != null) {
      data = query(query).search(response);
      if (data == null) {
        data = com.fasterxml.jackson.databind.node.NullNode.getInstance();
      }
    } else if (response.isObject() && response.isEmpty()) {
      return "";
    }
    switch (output) {
      case "text":
        return TextFormat.format(data);
      case "table":
        return TableFormat.format(command, data);
      case "yaml":
      case "yaml-stream":
        return yaml(data);
      default:
        return PyJson.dump(data) + "\n";
    }
  }

  private static String yaml(JsonNode data) {
    try {
      return YAML.writeValueAsString(data);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return PyJson.dump(data) + "\n";
    }
  }
}
