package dev.iamkata.engine.cloudtrail;

import java.time.Instant;

/**
 * One recorded API call, with the fields LookupEvents filters on and the whole CloudTrail record as
 * JSON text ({@code CloudTrailEvent}).
 *
 * @param account the account the call was made in ({@code recipientAccountId})
 * @param username the user name, or the session name for a role or federated session
 */
public record TrailEvent(
    String eventId,
    String account,
    Instant eventTime,
    String eventSource,
    String eventName,
    boolean readOnly,
    String accessKeyId,
    String username,
    String cloudTrailEvent) {}
