package dev.iamkata.engine.sts;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The session tags of a new role session in a role chain: those the calling session marked
 * transitive, which it inherits and may not override, plus the request's own {@code Tags}, of which
 * {@code TransitiveTagKeys} pass on further. Tag keys compare case-insensitively, as on AWS.
 *
 * @param tags every session tag of the new session, inherited ones first
 * @param transitiveKeys the keys of {@code tags} that chained sessions inherit in turn
 * @param inherits true when the calling session passed tags on, which needs {@code sts:TagSession}
 */
record TransitiveTags(Map<String, String> tags, List<String> transitiveKeys, boolean inherits) {

  /** Checks the request against the calling session's transitive tags and merges them. */
  static TransitiveTags of(Caller caller, AssumeRoleRequest r) {
    if (r.transitiveTagKeys().size() > 50) {
      throw new AwsException(
          AwsError.VALIDATION_ERROR,
          "1 validation error detected: Value at 'transitiveTagKeys' failed to satisfy constraint:"
              + " Member must have length less than or equal to 50");
    }
    Set<String> requested = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    r.tags().forEach(t -> requested.add(t.key()));
    for (String key : r.transitiveTagKeys()) {
      if (!requested.contains(key)) {
        throw invalid("The specified transitive tag key must be included in the requested tags.");
      }
    }
    Map<String, String> inherited =
        caller.session() == null ? Map.of() : caller.session().transitiveTags();
    for (String key : inherited.keySet()) {
      if (requested.contains(key)) {
        throw invalid(
            "One of the specified transitive tag keys can't be set because it conflicts with a"
                + " transitive tag key from the calling session.");
      }
    }
    Map<String, String> tags = new LinkedHashMap<>(inherited);
    r.tags().forEach(t -> tags.put(t.key(), t.value()));
    List<String> keys = new ArrayList<>(inherited.keySet());
    // keep each key as the tag spells it, so the claims' tag map finds it
    r.tags().stream()
        .map(t -> t.key())
        .filter(k -> r.transitiveTagKeys().stream().anyMatch(k::equalsIgnoreCase))
        .forEach(keys::add);
    return new TransitiveTags(tags, keys, !inherited.isEmpty());
  }

  /** The actions to authorize: inherited tags are set on the new session, so need TagSession. */
  List<String> actions(List<String> extraActions) {
    if (inherits && !extraActions.contains("sts:TagSession")) {
      extraActions.add("sts:TagSession");
    }
    return extraActions;
  }

  /** The condition key the trust policy may test, when the request marks keys transitive. */
  static Map<String, List<String>> withContext(
      AssumeRoleRequest r, Map<String, List<String>> keys) {
    if (!r.transitiveTagKeys().isEmpty()) {
      keys.put("sts:TransitiveTagKeys", r.transitiveTagKeys());
    }
    return keys;
  }

  private static AwsException invalid(String message) {
    return new AwsException(AwsError.INVALID_PARAMETER_VALUE, message);
  }
}
