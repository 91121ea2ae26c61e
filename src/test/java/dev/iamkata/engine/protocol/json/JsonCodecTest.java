package dev.iamkata.engine.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamkata.engine.api.AwsException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class JsonCodecTest {
  @Test
  void decodesNestedAttributeValues() throws Exception {
    JsonNode body =
        JsonCodec.MAPPER.readTree(
            "{\"TableName\":\"t\",\"Item\":{\"id\":{\"S\":\"1\"},\"b\":{\"B\":\"AQI=\"},"
                + "\"l\":{\"L\":[{\"N\":\"1\"},{\"NULL\":true}]},\"m\":{\"M\":{\"x\":{\"BOOL\":false}}}}}");
    PutItemRequest r = (PutItemRequest) JsonCodec.decode(PutItemRequest.builder(), body);
    assertEquals("t", r.tableName());
    assertEquals(SdkBytes.fromByteArray(new byte[] {1, 2}), r.item().get("b").b());
    assertEquals(AttributeValue.fromNul(true), r.item().get("l").l().get(1));
    assertEquals(false, r.item().get("m").m().get("x").bool());
  }

  @Test
  void encodesTimestampsAsEpochSecondsAndSkipsUnsetLists() {
    JsonNode out =
        JsonCodec.encode(
            TableDescription.builder()
                .tableName("t")
                .creationDateTime(Instant.ofEpochMilli(1_700_000_000_123L))
                .itemCount(3L)
                .build());
    assertEquals("1700000000.123", out.get("CreationDateTime").decimalValue().toPlainString());
    assertEquals(3, out.get("ItemCount").asLong());
    assertEquals(List.of("TableName", "CreationDateTime", "ItemCount"), fieldNames(out));
  }

  @Test
  void rejectsWrongTypes() throws Exception {
    JsonNode body = JsonCodec.MAPPER.readTree("{\"TableName\":5}");
    assertThrows(AwsException.class, () -> JsonCodec.decode(PutItemRequest.builder(), body));
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
