package dev.iamkata.lesson.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code lessons/lesson.schema.json} accepts every lesson in {@code lessons/} and rejects the
 * broken fixtures a schema can see (those marked with a {@code schema-rejects} file; the others are
 * reference errors only the loader finds).
 */
class LessonSchemaTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static JsonSchema schema() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(Path.of("lessons/lesson.schema.json").toFile());
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
  }

  static Stream<Path> lessons() throws IOException {
    return new LessonCatalog(Path.of("lessons")).folders().stream();
  }

  static Stream<Path> schemaRejects() throws IOException {
    try (Stream<Path> s = Files.list(BrokenLessonsTest.BROKEN)) {
      return s.filter(p -> Files.exists(p.resolve("schema-rejects"))).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessons")
  void everyLessonValidates(Path folder) throws IOException {
    Set<ValidationMessage> errors =
        schema().validate(YAML.readTree(folder.resolve("lesson.yaml").toFile()));
    assertTrue(errors.isEmpty(), errors.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemaRejects")
  void theSchemaRejectsBrokenFixtures(Path folder) throws IOException {
    Set<ValidationMessage> errors =
        schema().validate(YAML.readTree(folder.resolve("lesson.yaml").toFile()));
    assertFalse(errors.isEmpty(), folder + " passed the schema");
  }

  @org.junit.jupiter.api.Test
  void thereAreLessonsToValidate() throws IOException {
    assertTrue(lessons().count() >= 1);
  }
}
