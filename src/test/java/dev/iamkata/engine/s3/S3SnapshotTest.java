package dev.iamkata.engine.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamkata.engine.state.Bucket;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.S3Object;
import dev.iamkata.engine.state.Snapshots;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SnapshotTest {
  @Test
  void bucketsAndObjectBytesSurviveASnapshot() {
    EngineState state = new EngineState();
    Bucket b = new Bucket("b", "123456789012", "us-east-1", Instant.parse("2026-01-01T00:00:00Z"));
    byte[] data = {0, 1, 2, (byte) 0xff};
    b.objects.put("z", new S3Object("z", data, "\"e\"", Instant.EPOCH, "x/y", Map.of("k", "v")));
    b.objects.put("a", new S3Object("a", new byte[0], "\"f\"", Instant.EPOCH, "x/y", Map.of()));
    b.policy = "{}";
    state.buckets.put("b", b);
    EngineState back = Snapshots.parse(Snapshots.take(state));
    Bucket restored = back.buckets.get("b");
    assertEquals("123456789012", restored.owner);
    assertEquals("{}", restored.policy);
    assertArrayEquals(data, restored.objects.get("z").data);
    assertEquals("v", restored.objects.get("z").metadata.get("k"));
    assertEquals(List.of("a", "z"), List.copyOf(restored.objects.keySet()));
  }
}
