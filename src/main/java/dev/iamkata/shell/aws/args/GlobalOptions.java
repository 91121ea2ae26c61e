package dev.iamkata.shell.aws.args;

import java.util.List;

/**
 * The CLI's global options, wherever they stood on the line, and the words left for the command.
 *
 * @param region {@code --region}, or null
 * @param profile {@code --profile}, or null
 * @param endpointUrl {@code --endpoint-url}, or null
 * @param output {@code --output}, or null
 * @param query {@code --query}, or null
 * @param debug {@code --debug}
 * @param noPaginate {@code --no-paginate}
 * @param noSignRequest {@code --no-sign-request}
 * @param rawBinary {@code --cli-binary-format raw-in-base64-out}: blob values are raw text, not
 *     base64
 * @param rest the service, the operation and its parameters
 */
public record GlobalOptions(
    String region,
    String profile,
    String endpointUrl,
    String output,
    String query,
    boolean debug,
    boolean noPaginate,
    boolean noSignRequest,
    boolean rawBinary,
    List<String> rest) {

  public GlobalOptions {
    rest = List.copyOf(rest);
  }
}
