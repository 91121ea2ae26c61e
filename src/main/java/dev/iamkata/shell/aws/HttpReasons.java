package dev.iamkata.shell.aws;

import java.util.Map;

/** HTTP reason phrases, which the CLI shows for errors without a body (S3 HEAD requests). */
final class HttpReasons {
  private static final Map<Integer, String> REASONS =
      Map.of(
          301, "Moved Permanently",
          304, "Not Modified",
          400, "Bad Request",
          403, "Forbidden",
          404, "Not Found",
          405, "Method Not Allowed",
          409, "Conflict",
          412, "Precondition Failed",
          500, "Internal Server Error",
          503, "Service Unavailable");

  private HttpReasons() {}

  static String of(int status) {
    return REASONS.getOrDefault(status, "Unknown");
  }
}
