package dev.iamkata.engine.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${a.b.c}} references in a handler's templates, resolved against a scope such as {@code
 * {"event": …, "steps": …, "env": …, "context": …}}. A string that is exactly one reference becomes
 * the referenced value, whatever its type; references inside longer strings are replaced by their
 * text. Pure.
 */
final class Templates {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern PATH = Pattern.compile("[A-Za-z_][\\w-]*(\\.[\\w$-]+)*");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Templates() {}

  /** A reference that names nothing in the scope. */
  static final class UnresolvedReference extends Exception {
    UnresolvedReference(String message) {
      super(message);
    }
  }

  /** {@code template} with every reference resolved. */
  static JsonNode resolve(JsonNode template, JsonNode scope) throws UnresolvedReference {
    if (template == null) {
      return NODES.nullNode();
    }
    if (template.isTextual()) {
      return text(template.textValue(), scope);
    }
    if (template.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (JsonNode item : template) {
        out.add(resolve(item, scope));
      }
      return out;
    }
    if (template.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), resolve(e.getValue(), scope));
      }
      return out;
    }
    return template;
  }

  private static JsonNode text(String text, JsonNode scope) throws UnresolvedReference {
    Matcher whole = REFERENCE.matcher(text);
    if (whole.matches()) {
      return lookup(whole.group(1).trim(), scope);
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      JsonNode value = lookup(m.group(1).trim(), scope);
      out.append(value.isValueNode() ? value.asText() : value.toString());
      last = m.end();
    }
    return NODES.textNode(out.append(text.substring(last)).toString());
  }

  /** The value at a dotted path; numeric segments index lists. */
  static JsonNode lookup(String path, JsonNode scope) throws UnresolvedReference {
    if (!PATH.matcher(path).matches()) {
      throw new UnresolvedReference("${" + path + "} is not a reference such as ${event.key}");
    }
    JsonNode node = scope;
    for (String segment : path.split("\\.")) {
      JsonNode next =
          node.isArray() && segment.chars().allMatch(Character::isDigit)
              ? node.get(Integer.parseInt(segment))
              : node.get(segment);
      if (next == null || next.isMissingNode()) {
        throw new UnresolvedReference("${" + path + "}: " + segment + " is not set");
      }
      node = next;
    }
    return node;
  }
}
