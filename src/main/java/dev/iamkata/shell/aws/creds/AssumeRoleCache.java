package dev.iamkata.shell.aws.creds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.shell.aws.output.PyJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CLI's assumed-role credential cache, {@code ~/.aws/cli/cache/KEY.json}, shared with a real
 * aws CLI in the same HOME: the key is botocore's (SHA-1 of the sorted AssumeRole arguments without
 * a generated session name, {@code json.dumps(args, sort_keys=True)}), the file is the AssumeRole
 * response, and an entry is used while it has more than 15 minutes left by the real clock.
 */
public final class AssumeRoleCache {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final DateTimeFormatter WRITTEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'UTC'").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final Clock clock;

  public AssumeRoleCache(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** The cache of a HOME. */
  public static AssumeRoleCache in(String home, Clock clock) {
    return new AssumeRoleCache(Path.of(home, ".aws", "cli", "cache"), clock);
  }

  /**
   * botocore's cache key for AssumeRole arguments ({@code RoleArn}, {@code ExternalId}, {@code
   * SerialNumber}, {@code DurationSeconds}, a configured {@code RoleSessionName}).
   */
  public static String key(Map<String, Object> args) {
    StringBuilder json = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Object> e : new TreeMap<>(args).entrySet()) {
      json.append(first ? "" : ", ");
      first = false;
      PyJson.string(e.getKey(), json);
      json.append(": ");
      if (e.getValue() instanceof Number n) {
        json.append(n);
      } else {
        asciiString(String.valueOf(e.getValue()), json);
      }
    }
    json.append('}');
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-1")
              .digest(json.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void asciiString(String s, StringBuilder out) {
    StringBuilder tmp = new StringBuilder();
    PyJson.string(s, tmp);
    for (char c : tmp.toString().toCharArray()) {
      out.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
  }

  /** The cached response for {@code key} when it is still fresh, else null. */
  public JsonNode get(String key) {
    Path file = dir.resolve(key + ".json");
    try {
      JsonNode node = MAPPER.readTree(Files.readString(file));
      Instant expiry = parse(node.path("Credentials").path("Expiration").asText());
      if (expiry == null || Duration.between(clock.instant(), expiry).compareTo(WINDOW) < 0) {
        return null;
      }
      return node;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Stores a response, as the CLI does (written to a temporary file, then moved). */
  public void put(String key, ObjectNode response) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, key, ".tmp");
      Files.writeString(
          tmp, MAPPER.writeValueAsString(response).replace("\":", "\": ").replace(",\"", ", \""));
      try {
        Files.move(
            tmp,
            dir.resolve(key + ".json"),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // A cache that cannot be written only costs another AssumeRole next time, as in the CLI.
    }
  }

  /** An expiration as the cache writes it ({@code 2026-01-01T00:00:00UTC}). */
  public static String format(Instant t) {
    return WRITTEN.format(t);
  }

  static Instant parse(String s) {
    try {
      if (s.endsWith("UTC")) {
        return Instant.parse(s.substring(0, s.length() - 3) + "Z");
      }
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
