package dev.iamkata.engine.cloudtrail;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Protocol;
import dev.iamkata.engine.protocol.Service;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * AWS CloudTrail's LookupEvents over the engine's {@link Trail}: the caller's account's events,
 * newest first, filtered by one lookup attribute and a time range on the virtual clock.
 */
public final class CloudTrailService {
  /** The JSON 1.1 target prefix of CloudTrail's operations. */
  public static final String TARGET_PREFIX =
      "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";

  private static final int DEFAULT_MAX_RESULTS = 50;

  private final Trail trail;

  public CloudTrailService(Trail trail) {
    this.trail = trail;
  }

  /** The routing table. */
  public Service service(Protocol protocol) {
    return Service.of(
        "cloudtrail",
        protocol,
        null,
        TARGET_PREFIX,
        null,
        List.of(
            new Operation<>(
                "LookupEvents",
                "cloudtrail:LookupEvents",
                LookupEventsRequest::builder,
                (c, r) -> "*",
                this::lookupEvents)));
  }

  private LookupEventsResponse lookupEvents(Caller caller, LookupEventsRequest r) {
    if (r.lookupAttributes().size() > 1) {
      throw new AwsException(
          AwsError.INVALID_LOOKUP_ATTRIBUTES, "You cannot specify more than one lookup attribute.");
    }
    int max = r.maxResults() == null ? DEFAULT_MAX_RESULTS : r.maxResults();
    if (max < 1 || max > DEFAULT_MAX_RESULTS) {
      throw new AwsException(
          AwsError.INVALID_MAX_RESULTS, "Value for MaxResults must be between 1 and 50.");
    }
    Instant start = r.startTime();
    Instant end = r.endTime();
    if (start != null && end != null && start.isAfter(end)) {
      throw new AwsException(AwsError.INVALID_TIME_RANGE, "Start time must be before end time.");
    }
    Predicate<TrailEvent> filter =
        e ->
            (start == null || !e.eventTime().isBefore(start))
                && (end == null || !e.eventTime().isAfter(end));
    if (!r.lookupAttributes().isEmpty()) {
      filter = filter.and(matches(r.lookupAttributes().get(0)));
    }
    List<TrailEvent> found = trail.find(caller.account(), filter);
    int from = from(r.nextToken(), found.size());
    int to = Math.min(found.size(), from + max);
    LookupEventsResponse.Builder out =
        LookupEventsResponse.builder()
            .events(found.subList(from, to).stream().map(CloudTrailService::event).toList());
    if (to < found.size()) {
      out.nextToken(Integer.toString(to));
    }
    return out.build();
  }

  private static Predicate<TrailEvent> matches(LookupAttribute attribute) {
    String value = attribute.attributeValue();
    if (value == null || attribute.attributeKeyAsString() == null) {
      throw new AwsException(
          AwsError.INVALID_LOOKUP_ATTRIBUTES, "Lookup attribute key and value must be given.");
    }
    return switch (attribute.attributeKeyAsString()) {
      case "EventId" -> e -> e.eventId().equals(value);
      case "EventName" -> e -> e.eventName().equals(value);
      case "ReadOnly" -> e -> Boolean.toString(e.readOnly()).equals(value);
      case "Username" -> e -> value.equals(e.username());
      case "EventSource" -> e -> e.eventSource().equals(value);
      case "AccessKeyId" -> e -> value.equals(e.accessKeyId());
      // the engine records no resources yet, so no event matches a resource filter
      case "ResourceType", "ResourceName" -> e -> false;
      default ->
          throw new AwsException(
              AwsError.INVALID_LOOKUP_ATTRIBUTES,
              "Unsupported lookup attribute key: " + attribute.attributeKeyAsString());
    };
  }

  private static int from(String token, int size) {
    if (token == null) {
      return 0;
    }
    try {
      int from = Integer.parseInt(token);
      if (from >= 0 && from <= size) {
        return from;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new AwsException(AwsError.INVALID_NEXT_TOKEN, "Invalid NextToken.");
  }

  private static Event event(TrailEvent e) {
    return Event.builder()
        .eventId(e.eventId())
        .eventName(e.eventName())
        .readOnly(Boolean.toString(e.readOnly()))
        .accessKeyId(e.accessKeyId())
        .eventTime(e.eventTime())
        .eventSource(e.eventSource())
        .username(e.username())
        .resources(List.of())
        .cloudTrailEvent(e.cloudTrailEvent())
        .build();
  }
}
