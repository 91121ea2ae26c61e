package dev.iamkata.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code Principal} or {@code NotPrincipal} element. Entries must name a principal the way
 * IAM stores them: no wildcard except a whole {@code "*"}, since IAM never matches part of a
 * principal ARN.
 */
final class PrincipalParser {
  private static final Pattern AWS_PRINCIPAL =
      Pattern.compile(
          "\\*|[0-9]{12}"
              + "|arn:aws:iam::[0-9]{12}:(root|user/[^*?]+|role/[^*?]+)"
              + "|arn:aws:sts::[0-9]{12}:(assumed-role/[^/*?]+/[^*?]+|federated-user/[^*?]+)"
              // IAM rewrites a deleted principal's ARN to its unique ID, which stays valid.
              + "|A(IDA|ROA)[A-Z0-9]{12,}");
  private static final Pattern SERVICE_PRINCIPAL =
      Pattern.compile("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com(\\.cn)?");

  private PrincipalParser() {}

  static Optional<Principals> parse(JsonNode node, PolicyKind kind) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isTextual() && node.asText().equals("*")) {
      return Optional.of(Principals.ANYONE);
    }
    if (!node.isObject()) {
      throw Problem.SYNTAX.in(kind);
    }
    if (node.isEmpty()) {
      throw Problem.EMPTY_PRINCIPAL.in(kind);
    }
    List<String> aws = List.of();
    List<String> service = List.of();
    List<String> federated = List.of();
    List<String> canonicalUser = List.of();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      List<String> values = StatementParser.strings(field.getValue(), kind);
      if (values.isEmpty()) {
        throw Problem.EMPTY_PRINCIPAL.in(kind);
      }
      switch (field.getKey()) {
        case "AWS" -> aws = checked(values, AWS_PRINCIPAL, "AWS", kind);
        case "Service" -> service = checked(values, SERVICE_PRINCIPAL, "SERVICE", kind);
        case "Federated" -> federated = values;
        case "CanonicalUser" -> {
          if (kind == PolicyKind.TRUST) {
            throw Problem.INVALID_PRINCIPAL.in(kind, field.getKey(), values.get(0));
          }
          canonicalUser = values;
        }
        default -> throw Problem.INVALID_PRINCIPAL.in(kind, field.getKey(), values.get(0));
      }
    }
    return Optional.of(new Principals(false, aws, service, federated, canonicalUser));
  }

  private static List<String> checked(
      List<String> values, Pattern valid, String label, PolicyKind kind) {
    for (String value : values) {
      if (!valid.matcher(value).matches()) {
        throw Problem.INVALID_PRINCIPAL.in(kind, label, value);
      }
    }
    return values;
  }
}
