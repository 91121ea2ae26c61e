package dev.iamkata.shell.aws.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTest {
  @Test
  void createsAFileWithTheSection(@TempDir Path dir) throws Exception {
    Path f = dir.resolve(".aws/config");
    ConfigWriter.update(f, "profile tanaka", Map.of("region", "ap-northeast-1"));
    assertEquals("[profile tanaka]\nregion = ap-northeast-1\n", Files.readString(f));
  }

  @Test
  void changesKeysInPlaceAndAddsMissingOnesToTheSection(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("config");
    Files.writeString(f, "[default]\nregion = us-east-1\n[profile a]\noutput = json\n");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("region", "eu-west-1");
    values.put("output", "text");
    ConfigWriter.update(f, "default", values);
    assertEquals(
        "[default]\nregion = eu-west-1\noutput = text\n[profile a]\noutput = json\n",
        Files.readString(f));
  }

  @Test
  void appendsAMissingSection(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("credentials");
    Files.writeString(f, "[default]\naws_access_key_id = A");
    ConfigWriter.update(f, "b", Map.of("aws_access_key_id", "B"));
    assertEquals(
        "[default]\naws_access_key_id = A\n[b]\naws_access_key_id = B\n", Files.readString(f));
  }
}
