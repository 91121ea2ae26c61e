package dev.iamkata.engine.dynamodb;

import static dev.iamkata.engine.dynamodb.DynamoDbErrors.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An expression's tokens and a cursor over them: names, {@code #name} and {@code :value}
 * placeholders, comparison operators and punctuation. Keywords stay as written; the parsers match
 * them case-insensitively.
 */
final class Tokens {
  /** Words that are syntax, not attribute names, when listing a condition's paths. */
  static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE");

  private final List<String> tokens;
  private int pos;

  Tokens(String text) {
    this.tokens = tokenize(text);
  }

  /** Splits {@code text} into tokens; a character no token can hold is a ValidationException. */
  static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#' || c == ':' || Character.isLetterOrDigit(c) || c == '_') {
        int j = i + 1;
        while (j < text.length()
            && (Character.isLetterOrDigit(text.charAt(j))
                || text.charAt(j) == '_'
                || text.charAt(j) == '-' && (c == '#' || c == ':'))) {
          j++;
        }
        out.add(text.substring(i, j));
        i = j;
      } else if ((c == '<' || c == '>') && i + 1 < text.length() && text.charAt(i + 1) == '=') {
        out.add(text.substring(i, i + 2));
        i += 2;
      } else if (c == '<' && i + 1 < text.length() && text.charAt(i + 1) == '>') {
        out.add("<>");
        i += 2;
      } else if ("=<>(),.[]+-".indexOf(c) >= 0) {
        out.add(String.valueOf(c));
        i++;
      } else {
        throw validation(
            "Invalid expression: Syntax error; token: \"" + c + "\", near: \"" + c + "\"");
      }
    }
    return out;
  }

  boolean isEmpty() {
    return tokens.isEmpty();
  }

  boolean hasMore() {
    return pos < tokens.size();
  }

  /** The token just consumed. */
  String previous() {
    return tokens.get(pos - 1);
  }

  String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  String next() {
    if (pos >= tokens.size()) {
      throw validation("Invalid expression: Syntax error; token: \"<EOF>\", near: \"\"");
    }
    return tokens.get(pos++);
  }

  boolean accept(String token) {
    if (token.equals(peek())) {
      pos++;
      return true;
    }
    return false;
  }

  boolean acceptKeyword(String keyword) {
    if (peek() != null && peek().equalsIgnoreCase(keyword)) {
      pos++;
      return true;
    }
    return false;
  }

  void expect(String token) {
    String t = peek();
    if (!Objects.equals(token, t)) {
      throw validation(
          "Invalid expression: Syntax error; token: \""
              + (t == null ? "<EOF>" : t)
              + "\", near: \""
              + (t == null ? "" : t)
              + "\"");
    }
    pos++;
  }

  void end() {
    if (pos < tokens.size()) {
      String t = tokens.get(pos);
      throw validation(
          "Invalid expression: Syntax error; token: \"" + t + "\", near: \"" + t + "\"");
    }
  }
}
