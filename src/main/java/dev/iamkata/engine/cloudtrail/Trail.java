package dev.iamkata.engine.cloudtrail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.auth.SessionClaims;
import dev.iamkata.engine.state.Ids;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The engine's CloudTrail: every authenticated call the engine served, newest first, bounded so a
 * long workshop cannot exhaust memory. Times are the virtual clock's, so "an hour later" shows in
 * the trail too.
 */
public final class Trail {
  /** The oldest events are dropped beyond this many. */
  public static final int CAPACITY = 20_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern READ_ONLY =
      Pattern.compile("(Get|List|Describe|Head|Lookup|Simulate|Decode)[A-Z].*");

  private final Deque<TrailEvent> events = new ArrayDeque<>();

  /**
   * Records a call of {@code operation} on {@code signingName} by {@code caller}; {@code error} is
   * null when it succeeded.
   */
  public void record(
      String signingName,
      String operation,
      Caller caller,
      AwsException error,
      String requestId,
      String userAgent) {
    boolean readOnly = READ_ONLY.matcher(operation).matches();
    String source = signingName + ".amazonaws.com";
    String eventId = Ids.uuid();
    ObjectNode record = JSON.createObjectNode();
    record.put("eventVersion", "1.08");
    record.set("userIdentity", UserIdentity.of(caller));
    record.put(
        "eventTime", caller.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    record.put("eventSource", source);
    record.put("eventName", operation);
    record.put("awsRegion", caller.region());
    record.put("sourceIPAddress", caller.sourceIp());
    record.put("userAgent", userAgent);
    if (error != null) {
      record.put("errorCode", error.error().code());
      record.put("errorMessage", error.getMessage());
    }
    record.putNull("requestParameters");
    record.putNull("responseElements");
    record.put("requestID", requestId);
    record.put("eventID", eventId);
    record.put("readOnly", readOnly);
    record.put("eventType", "AwsApiCall");
    record.put("managementEvent", true);
    record.put("recipientAccountId", caller.account());
    TrailEvent event =
        new TrailEvent(
            eventId,
            caller.account(),
            caller.time(),
            source,
            operation,
            readOnly,
            caller.accessKeyId(),
            caller.sessionName() != null ? caller.sessionName() : caller.name(),
            record.toString());
    add(event);
  }

  /**
   * Records an AWS service assuming a role for a resource it runs (Lambda for a function, EC2 for
   * an instance): an {@code AWSService} identity, {@code invokedBy} the service, as CloudTrail
   * shows these AssumeRole calls in the role's account.
   */
  public void recordServiceAssumeRole(
      String servicePrincipal,
      String roleArn,
      SessionClaims session,
      String region,
      String requestId) {
    String eventId = Ids.uuid();
    ObjectNode record = JSON.createObjectNode();
    record.put("eventVersion", "1.08");
    ObjectNode identity = record.putObject("userIdentity");
    identity.put("type", "AWSService");
    identity.put("invokedBy", servicePrincipal);
    record.put("eventTime", session.issued().toString());
    record.put("eventSource", "sts.amazonaws.com");
    record.put("eventName", "AssumeRole");
    record.put("awsRegion", region);
    record.put("sourceIPAddress", servicePrincipal);
    record.put("userAgent", servicePrincipal);
    ObjectNode parameters = record.putObject("requestParameters");
    parameters.put("roleArn", roleArn);
    parameters.put("roleSessionName", session.sessionName());
    ObjectNode credentials = record.putObject("responseElements").putObject("credentials");
    credentials.put("accessKeyId", session.accessKeyId());
    credentials.put("expiration", session.expiration().toString());
    record.put("requestID", requestId);
    record.put("eventID", eventId);
    record.put("readOnly", true);
    ObjectNode resource = record.putArray("resources").addObject();
    resource.put("accountId", session.account());
    resource.put("type", "AWS::IAM::Role");
    resource.put("ARN", roleArn);
    record.put("eventType", "AwsApiCall");
    record.put("managementEvent", true);
    record.put("recipientAccountId", session.account());
    add(
        new TrailEvent(
            eventId,
            session.account(),
            session.issued(),
            "sts.amazonaws.com",
            "AssumeRole",
            true,
            null,
            null,
            record.toString()));
  }

  private void add(TrailEvent event) {
    synchronized (events) {
      events.addFirst(event);
      if (events.size() > CAPACITY) {
        events.removeLast();
      }
    }
  }

  /** The events of {@code account} that pass {@code filter}, newest first. */
  public List<TrailEvent> find(String account, Predicate<TrailEvent> filter) {
    List<TrailEvent> out = new ArrayList<>();
    synchronized (events) {
      Iterator<TrailEvent> it = events.iterator();
      while (it.hasNext()) {
        TrailEvent e = it.next();
        if (e.account().equals(account) && filter.test(e)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** Forgets everything, as a reset of the engine does. */
  public void clear() {
    synchronized (events) {
      events.clear();
    }
  }
}
