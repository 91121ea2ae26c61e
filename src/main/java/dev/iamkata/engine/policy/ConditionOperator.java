package dev.iamkata.engine.policy;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition operator as written in a policy: a base operator, optionally qualified by a set
 * operator for multivalued keys and optionally suffixed with {@code IfExists}.
 *
 * @param qualifier {@code ForAllValues:}, {@code ForAnyValue:} or none
 * @param base the comparison, for example {@link BaseOperator#STRING_LIKE}
 * @param ifExists true when the test passes on a request that lacks the key
 */
public record ConditionOperator(SetQualifier qualifier, BaseOperator base, boolean ifExists) {

  /** The set operators that compare a multivalued context key with the policy values. */
  public enum SetQualifier {
    NONE(""),
    FOR_ALL_VALUES("ForAllValues:"),
    FOR_ANY_VALUE("ForAnyValue:");

    private final String prefix;

    SetQualifier(String prefix) {
      this.prefix = prefix;
    }
  }

  private static final String IF_EXISTS = "IfExists";

  public ConditionOperator {
    Objects.requireNonNull(qualifier, "qualifier");
    Objects.requireNonNull(base, "base");
  }

  /**
   * Reads an operator name. Names are case-sensitive, as in AWS; {@code NullIfExists} does not
   * exist because Null is itself the existence test.
   *
   * @return the operator, or empty when the name is not one IAM knows
   */
  public static Optional<ConditionOperator> parse(String name) {
    SetQualifier qualifier =
        Arrays.stream(SetQualifier.values())
            .filter(q -> q != SetQualifier.NONE && name.startsWith(q.prefix))
            .findFirst()
            .orElse(SetQualifier.NONE);
    String rest = name.substring(qualifier.prefix.length());
    boolean ifExists = rest.endsWith(IF_EXISTS);
    String baseName = ifExists ? rest.substring(0, rest.length() - IF_EXISTS.length()) : rest;
    return BaseOperator.named(baseName)
        .filter(base -> !(ifExists && base == BaseOperator.NULL))
        .map(base -> new ConditionOperator(qualifier, base, ifExists));
  }

  /** The name as a policy spells it. */
  public String name() {
    return qualifier.prefix + base.operatorName() + (ifExists ? IF_EXISTS : "");
  }
}
