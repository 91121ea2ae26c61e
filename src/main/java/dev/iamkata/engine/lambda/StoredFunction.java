package dev.iamkata.engine.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.protocol.json.JsonCodec;
import java.util.Base64;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * A function: its configuration as GetFunction returns it, and its deployment package; in snapshots
 * as {@code {"configuration": {…}, "zip": BASE64}}.
 */
record StoredFunction(FunctionConfiguration config, byte[] zip) {
  String name() {
    return config.functionName();
  }

  JsonNode write() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("configuration", JsonCodec.encodeMembers(config));
    out.put("zip", Base64.getEncoder().encodeToString(zip));
    return out;
  }

  /** The function {@link #write} wrote; {@link IllegalArgumentException} when it is not one. */
  static StoredFunction read(JsonNode node) {
    try {
      FunctionConfiguration config =
          (FunctionConfiguration)
              JsonCodec.decodeMembers(FunctionConfiguration.builder(), node.path("configuration"));
      if (config.functionName() == null) {
        throw new IllegalArgumentException("a Lambda function in the snapshot has no name");
      }
      return new StoredFunction(config, Base64.getDecoder().decode(node.path("zip").asText()));
    } catch (AwsException e) {
      throw new IllegalArgumentException("a Lambda function in the snapshot: " + e.getMessage(), e);
    }
  }
}
