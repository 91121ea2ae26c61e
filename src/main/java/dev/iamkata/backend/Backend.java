package dev.iamkata.backend;

import dev.iamkata.engine.AccessKeyPair;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a lesson's AWS calls go: the embedded engine, LocalStack or any external endpoint. The
 * lesson runner, the shell and the grader talk to AWS only through the endpoint and keys a backend
 * hands out, and ask it what it can enforce before claiming a check proves something.
 */
public interface Backend extends AutoCloseable {

  /** {@code embedded}, {@code localstack} or {@code external}. */
  String name();

  /** The AWS endpoint, e.g. {@code http://127.0.0.1:PORT}. */
  String endpoint();

  /** The region learners' profiles use. */
  String region();

  /** The learner's account: lessons create their users and roles here. */
  String accountId();

  /** A second account for cross-account lessons; {@code null} when the backend has none. */
  String secondAccountId();

  /** The administrator key of {@code account} (one of the two above). */
  AccessKeyPair adminKey(String account);

  /** What this backend enforces; callers mark checks that depend on anything missing. */
  Capabilities capabilities();

  /** Back to the state at start: no learner entities, the clock where it began. */
  void reset() throws BackendException;

  /** The whole AWS state, opaque; needs {@link Capability#SNAPSHOTS}. */
  String snapshot() throws BackendException;

  /** Puts back a state {@link #snapshot()} returned; needs {@link Capability#SNAPSHOTS}. */
  void restore(String snapshot) throws BackendException;

  /** The backend's time: its virtual clock where it has one, else real time. */
  Instant clockTime() throws BackendException;

  /** Moves the clock forward; needs {@link Capability#CLOCK_CONTROL}. */
  void advanceClock(Duration by) throws BackendException;

  /** Stops what {@code start} started; attaching backends only let go. */
  @Override
  void close();
}
