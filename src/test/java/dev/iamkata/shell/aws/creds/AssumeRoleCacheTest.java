package dev.iamkata.shell.aws.creds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssumeRoleCacheTest {
  /** Expected keys from botocore: sha1(json.dumps(args, sort_keys=True)). */
  @Test
  void keyIsBotocores() {
    assertEquals(
        "b68e882427ec92af4ae0a185cc704c32d2c5ba99",
        AssumeRoleCache.key(Map.of("RoleArn", "arn:aws:iam::123456789012:role/toy-role")));
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("RoleArn", "arn:aws:iam::123456789012:role/r");
    all.put("RoleSessionName", "s");
    all.put("SerialNumber", "arn:aws:iam::123456789012:mfa/u");
    all.put("ExternalId", "ext");
    all.put("DurationSeconds", 900);
    assertEquals("5105eb810cc2b719f33050dd7c1b2d5ae197a7ad", AssumeRoleCache.key(all));
  }

  @Test
  void entriesAreFreshUntilFifteenMinutesBeforeExpiry(@TempDir Path dir) throws Exception {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    AssumeRoleCache cache = new AssumeRoleCache(dir, Clock.fixed(now, ZoneOffset.UTC));
    ObjectNode entry = new ObjectMapper().createObjectNode();
    entry
        .putObject("Credentials")
        .put("AccessKeyId", "ASIA")
        .put("Expiration", AssumeRoleCache.format(now.plusSeconds(901)));
    cache.put("k", entry);
    assertNotNull(cache.get("k"));
    assertEquals(
        "2026-01-01T00:15:01UTC",
        Files.readString(dir.resolve("k.json"))
            .replaceAll(".*\"Expiration\": \"([^\"]+)\".*", "$1")
            .strip());
    entry.with("Credentials").put("Expiration", "2026-01-01T00:14:59+00:00");
    cache.put("k", entry);
    assertNull(cache.get("k"));
  }
}
