package dev.iamkata.engine.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each statement of a policy document sits in its text, as the IAM policy simulator reports
 * it in {@code MatchedStatements}: a 1-based line and column for the start and the end.
 *
 * <p>Recorded simulator output shows how AWS counts. The end is the position just after the
 * statement's closing brace. The start is the position just after what the parser read before the
 * statement: the {@code [} of the Statement array for the first statement, the previous statement's
 * {@code }} for the others (so the separating comma belongs to the next statement), and, when
 * Statement is a single object, the position just after its opening brace. For {@code
 * {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}} that is
 * line 1, column 38 to line 1, column 84.
 */
public final class StatementPositions {
  private static final JsonFactory JSON = new JsonFactory();

  private StatementPositions() {}

  /** A line and a column, both counted from 1; columns count characters. */
  public record Position(int line, int column) {}

  /** The start and the end of one statement. */
  public record Span(Position start, Position end) {}

  /**
   * The spans of a document's statements in document order, one per statement of the parsed {@link
   * Policy}.
   *
   * @param json a document {@link PolicyParser} accepted
   * @return the spans, or an empty list for text that is not a JSON object with a Statement
   */
  public static List<Span> of(String json) {
    List<Span> spans = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return List.of();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!"Statement".equals(name)) {
          parser.skipChildren();
        } else if (value == JsonToken.START_OBJECT) {
          Position start = position(parser.currentLocation());
          parser.skipChildren();
          spans.add(new Span(start, position(parser.currentLocation())));
        } else if (value == JsonToken.START_ARRAY) {
          Position start = position(parser.currentLocation());
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            Position end = position(parser.currentLocation());
            spans.add(new Span(start, end));
            start = end;
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException notJson) {
      return List.of();
    }
    return List.copyOf(spans);
  }

  private static Position position(JsonLocation location) {
    return new Position(location.getLineNr(), location.getColumnNr());
  }
}
