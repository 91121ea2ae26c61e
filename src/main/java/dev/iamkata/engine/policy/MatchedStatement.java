package dev.iamkata.engine.policy;

/**
 * A statement that applied to a request.
 *
 * @param sourceId the {@link SourcedPolicy#sourceId()} of its policy
 * @param type the layer in which it was evaluated
 * @param index its zero-based position in the policy's Statement list
 * @param sid its Sid, or null
 */
public record MatchedStatement(String sourceId, PolicyType type, int index, String sid) {}
