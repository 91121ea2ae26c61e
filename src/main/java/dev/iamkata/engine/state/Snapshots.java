package dev.iamkata.engine.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Engine state to JSON and back, for snapshot, restore and reset. */
public final class Snapshots {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Snapshots() {}

  /** A consistent copy of {@code state}, taken under its read lock. */
  public static byte[] take(EngineState state) {
    return state.read(
        () -> {
          try {
            return JSON.writeValueAsBytes(state);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Parses a snapshot; throws {@link IllegalArgumentException} when it is not one. */
  public static EngineState parse(byte[] snapshot) {
    try {
      return JSON.readValue(snapshot, EngineState.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an engine snapshot: " + e.getMessage(), e);
    }
  }
}
