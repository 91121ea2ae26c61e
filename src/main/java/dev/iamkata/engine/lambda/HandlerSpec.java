package dev.iamkata.engine.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function of the engine's declarative runtime, read from its deployment package: the steps to
 * run in order (AWS calls and log lines) and the value to return. See {@code
 * docs/lambda-runtime.md}.
 *
 * @param file the handler file's name in the package, for messages
 * @param steps the steps, in order
 * @param result the template of the returned value; JSON null when the file has no {@code return}
 */
record HandlerSpec(String file, List<Step> steps, JsonNode result) {
  /** The names the runtime looks for when the function's Handler names no file in the package. */
  static final List<String> DEFAULT_FILES = List.of("handler.yaml", "handler.yml", "handler.json");

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> TOP = Set.of("steps", "return");
  private static final Set<String> CALL = Set.of("id", "service", "operation", "parameters");
  private static final Set<String> LOG = Set.of("log");

  /**
   * One step: an AWS call ({@code service} set) or a log line ({@code log} set).
   *
   * @param id the name later templates use for the call's output ({@code ${steps.ID.Member}}), or
   *     null
   * @param parameters the template of the request's members
   */
  record Step(
      int index, String id, String service, String operation, JsonNode parameters, String log) {
    boolean isCall() {
      return service != null;
    }

    String where(String file) {
      return file + ": steps[" + index + "]" + (id == null ? "" : " (" + id + ")");
    }
  }

  /** Why a package holds no runnable handler; {@code type} is the runtime's error type. */
  static final class HandlerException extends Exception {
    final String type;

    HandlerException(String type, String message) {
      super(message);
      this.type = type;
    }
  }

  /** Finds and reads the handler file of {@code zip}; {@code handler} is the function's Handler. */
  static HandlerSpec fromZip(byte[] zip, String handler) throws HandlerException {
    String wanted = handler == null ? "" : handler;
    String found = null;
    byte[] content = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String name = e.getName();
        boolean exact = name.equals(wanted);
        if (exact || (found == null && DEFAULT_FILES.contains(name))) {
          found = name;
          content = in.readAllBytes();
          if (exact) {
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new HandlerException(
          "Runtime.InvalidEntrypoint", "The deployment package is not a valid zip file");
    }
    if (found == null) {
      throw new HandlerException(
          "Runtime.HandlerNotFound",
          "No handler file in the deployment package: looked for "
              + (wanted.isEmpty() ? "" : wanted + ", ")
              + String.join(", ", DEFAULT_FILES));
    }
    return parse(found, content);
  }

  /** Parses a handler file (YAML, of which JSON is a part). */
  static HandlerSpec parse(String file, byte[] content) throws HandlerException {
    JsonNode root;
    try {
      root = YAML.readTree(content);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new HandlerException(
          "Runtime.UserCodeSyntaxError",
          file
              + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
              + ": "
              + problem(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new HandlerException("Runtime.UserCodeSyntaxError", file + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw syntax(file + ": expected a mapping with \"steps\" and \"return\"");
    }
    onlyKeys(root, TOP, file);
    List<Step> steps = new ArrayList<>();
    JsonNode list = root.path("steps");
    if (!list.isMissingNode() && !list.isArray()) {
      throw syntax(file + ": \"steps\" must be a list");
    }
    for (int i = 0; i < list.size(); i++) {
      steps.add(step(file, i, list.get(i)));
    }
    JsonNode result = root.has("return") ? root.get("return") : NullNode.getInstance();
    return new HandlerSpec(file, List.copyOf(steps), result);
  }

  /** The parser's message without its source excerpts: the lines that say what is wrong. */
  private static String problem(String message) {
    return message
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.startsWith("\t"))
        .reduce((a, b) -> a + "; " + b)
        .orElse(message);
  }

  private static Step step(String file, int index, JsonNode node) throws HandlerException {
    String where = file + ": steps[" + index + "]";
    if (node == null || !node.isObject()) {
      throw syntax(where + ": expected a mapping (a call or a log line)");
    }
    if (node.has("log")) {
      onlyKeys(node, LOG, where);
      return new Step(index, null, null, null, null, node.get("log").asText());
    }
    onlyKeys(node, CALL, where);
    String service = text(node, "service", where);
    String operation = text(node, "operation", where);
    JsonNode parameters = node.path("parameters");
    if (!parameters.isMissingNode() && !parameters.isObject()) {
      throw syntax(where + ": \"parameters\" must be a mapping of the operation's members");
    }
    String id = node.has("id") ? node.get("id").asText() : null;
    return new Step(
        index,
        id,
        service,
        operation,
        parameters.isMissingNode() ? YAML.createObjectNode() : parameters,
        null);
  }

  private static String text(JsonNode node, String key, String where) throws HandlerException {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw syntax(where + ": \"" + key + "\" is required (a call needs service and operation)");
    }
    return value.textValue();
  }

  private static void onlyKeys(JsonNode node, Set<String> allowed, String where)
      throws HandlerException {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw syntax(
            where
                + ": unknown key \""
                + key
                + "\" (allowed: "
                + String.join(", ", sorted(allowed))
                + ")");
      }
    }
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }

  private static HandlerException syntax(String message) {
    return new HandlerException("Runtime.UserCodeSyntaxError", message);
  }
}
