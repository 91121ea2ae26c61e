package dev.iamkata.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.Engine;
import dev.iamkata.engine.EngineConfig;
import dev.iamkata.engine.state.Ids;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One workshop: the engine everyone shares, its secrets, the learners and their progress, all kept
 * in a {@link WorkshopStore}. Each learner's two accounts are one engine tenant named by the
 * learner's id: their own S3 bucket namespace and their own clock. Reopening the same database
 * after a crash brings back the same join code, tokens, engine port, accounts, keys and AWS state
 * (each learner's world, saved within a second of their last event). What is done to the engine on
 * a learner's behalf is {@link LearnerWorlds}'. Thread-safe: every method that touches learners
 * holds {@code this}.
 */
public final class Workshop implements AutoCloseable {
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _.\\-]{1,40}");
  private static final Pattern LESSON = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final WorkshopStore store;
  private final Engine engine;
  private final LearnerWorlds worlds;
  private final String name;
  private final String joinCode;
  private final String instructorToken;
  private final Set<String> lessons;
  private final Clock clock;
  private final Map<String, LearnerState> learners = new LinkedHashMap<>();

  /** Every learner, for the token lookup of every request without taking {@code this}. */
  private volatile List<LearnerState> byToken = List.of();

  /** Names being joined right now (their accounts are being made outside the lock). */
  private final Set<String> joining = new java.util.HashSet<>();

  private int nextId = 1;
  private final LearnerWriter writer;
  private final EventHub hub = new EventHub();

  private Workshop(
      WorkshopStore store,
      Engine engine,
      AccessKeyPair rootKey,
      String name,
      String joinCode,
      String instructorToken,
      Set<String> lessons,
      Clock clock) {
    this.store = store;
    this.engine = engine;
    this.worlds = new LearnerWorlds(engine, rootKey, store, clock);
    this.name = name;
    this.joinCode = joinCode;
    this.instructorToken = instructorToken;
    this.lessons = Set.copyOf(lessons);
    this.clock = clock;
    this.writer = new LearnerWriter(store);
  }

  /**
   * Opens the workshop kept in {@code db}, or starts a new one there.
   *
   * @param enginePort the engine's port for a new workshop (0: any free one); a reopened workshop
   *     uses the port it had, so learners' endpoints stay valid
   * @param lessons the lessons learners may pick (empty: any)
   */
  public static Workshop open(
      Path db, String name, int enginePort, InetAddress bind, Set<String> lessons, Clock clock)
      throws IOException, SQLException, InterruptedException {
    WorkshopStore store = WorkshopStore.open(db);
    try {
      boolean resumed = store.meta("joinCode").isPresent();
      if (!resumed) {
        store.putMeta("name", name);
        store.putMeta("joinCode", Secrets.joinCode());
        store.putMeta("instructorToken", Secrets.token());
        store.putMeta("rootKey", new AccessKeyPair(Ids.accessKeyId(), Ids.secret()).toString());
        store.putMeta("lessons", String.join(",", lessons));
      }
      AccessKeyPair rootKey = AccessKeyPair.parse(store.meta("rootKey").orElseThrow());
      int port = Integer.parseInt(store.meta("enginePort").orElse(String.valueOf(enginePort)));
      Engine engine =
          Engine.start(EngineConfig.defaults().withAdminKey(rootKey).withPort(port), bind);
      store.putMeta("enginePort", String.valueOf(engine.port()));
      String stored = store.meta("lessons").orElse("");
      Workshop w =
          new Workshop(
              store,
              engine,
              rootKey,
              store.meta("name").orElse(name),
              store.meta("joinCode").orElseThrow(),
              store.meta("instructorToken").orElseThrow(),
              stored.isEmpty() ? Set.of() : Set.of(stored.split(",")),
              clock);
      if (resumed) {
        w.resume();
      }
      return w;
    } catch (IOException | SQLException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Puts every saved learner world back, then their records. */
  private void resume() throws SQLException, IOException, InterruptedException {
    worlds.restore();
    synchronized (this) {
      for (LearnerState l : store.learners()) {
        learners.put(l.id, l);
        nextId = Math.max(nextId, Integer.parseInt(l.id) + 1);
      }
      byToken = List.copyOf(learners.values());
    }
  }

  public String name() {
    return name;
  }

  public String joinCode() {
    return joinCode;
  }

  public int enginePort() {
    return engine.port();
  }

  /** Whether {@code token} is the instructor's (constant time). */
  public boolean isInstructor(String token) {
    return Secrets.same(instructorToken, token);
  }

  public String instructorToken() {
    return instructorToken;
  }

  /** The learner whose token this is, or null; compares against every learner in constant time. */
  public LearnerState learnerByToken(String token) {
    LearnerState found = null;
    for (LearnerState l : byToken) {
      if (Secrets.same(l.token, token)) {
        found = l;
      }
    }
    return found;
  }

  /** A new learner with two fresh accounts (the second for cross-account lessons). */
  public LearnerState join(String code, String learnerName, String lesson)
      throws WorkshopException, InterruptedException {
    if (!Secrets.same(joinCode, code)) {
      throw new WorkshopException(403, "wrong join code for this workshop");
    }
    if (learnerName == null || !NAME.matcher(learnerName).matches()) {
      throw new WorkshopException(
          400, "--name must be 1 to 40 letters, digits, spaces, '.', '_' or '-'");
    }
    if (lesson != null && !(LESSON.matcher(lesson).matches())) {
      throw new WorkshopException(400, "not a lesson id: " + lesson);
    }
    if (lesson != null && !lessons.isEmpty() && !lessons.contains(lesson)) {
      throw new WorkshopException(
          400, "this workshop runs " + String.join(", ", lessons) + ", not " + lesson);
    }
    LearnerState l = new LearnerState();
    String key = learnerName.toLowerCase(java.util.Locale.ROOT);
    synchronized (this) {
      for (LearnerState other : learners.values()) {
        if (other.name.equalsIgnoreCase(learnerName)) {
          throw new WorkshopException(409, "someone already joined as '" + learnerName + "'");
        }
      }
      if (!joining.add(key)) {
        throw new WorkshopException(409, "someone already joined as '" + learnerName + "'");
      }
      l.id = String.format("%04d", nextId++);
    }
    try {
      l.name = learnerName;
      l.token = Secrets.token();
      l.lesson = lesson != null ? lesson : lessons.stream().sorted().findFirst().orElse(null);
      // made outside the lock, so one join does not hold up every learner's events
      worlds.provision(l);
      l.joined = clock.instant();
      l.lastActivity = l.joined;
      long ticket;
      synchronized (this) {
        learners.put(l.id, l);
        byToken = List.copyOf(learners.values());
        ticket = submit(l);
        worlds.changed(l.id);
        publish(l);
      }
      writer.await(ticket);
      return l;
    } finally {
      synchronized (this) {
        joining.remove(key);
      }
    }
  }

  /**
   * Applies one progress event from a learner's client and returns the instructor actions waiting
   * for that client (then forgotten).
   */
  public List<String> event(LearnerState l, JsonNode event)
      throws WorkshopException, InterruptedException {
    List<String> actions;
    long ticket;
    synchronized (this) {
      ProgressEvents.apply(l, event, clock.instant());
      actions = new ArrayList<>(l.pending);
      l.pending.clear();
      ticket = submit(l);
      worlds.changed(l.id);
      publish(l);
    }
    // acknowledged once the row is committed, without holding the workshop's lock meanwhile
    writer.await(ticket);
    return actions;
  }

  /**
   * The learner who joined as {@code learnerName} with {@code token}, joining again from the same
   * machine after their client restarted; a name nobody has yet is a new {@link #join}.
   *
   * @throws WorkshopException 403 for a wrong code, 409 when the name is taken and the token is not
   *     that learner's
   */
  public LearnerState rejoin(String code, String learnerName, String lesson, String token)
      throws WorkshopException, InterruptedException {
    if (!Secrets.same(joinCode, code)) {
      throw new WorkshopException(403, "wrong join code for this workshop");
    }
    synchronized (this) {
      for (LearnerState l : learners.values()) {
        if (l.name.equalsIgnoreCase(learnerName)) {
          if (!Secrets.same(l.token, token)) {
            throw new WorkshopException(409, "someone already joined as '" + learnerName + "'");
          }
          return l;
        }
      }
    }
    return join(code, learnerName, lesson);
  }

  /**
   * Takes the instructor actions waiting for {@code l}'s client; with none, waits up to {@code
   * wait} for one to be queued, so that an action reaches a learner who is not typing (a long
   * poll). A client asks between lines without waiting, and an idle client with a wait.
   */
  public synchronized List<String> takeActions(LearnerState l, Duration wait)
      throws WorkshopException, InterruptedException {
    // a timeout, not the workshop's time: the monotonic clock, which an advanced clock leaves alone
    long deadline = System.nanoTime() + wait.toNanos();
    for (long left = wait.toMillis(); l.pending.isEmpty() && left > 0; ) {
      wait(left);
      left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }
    List<String> actions = new ArrayList<>(l.pending);
    if (!actions.isEmpty()) {
      l.pending.clear();
      save(l);
    }
    return actions;
  }

  /** Every learner's row, as {@code GET /api/progress} and the dashboard show it. */
  public synchronized List<ObjectNode> progress() {
    List<ObjectNode> rows = new ArrayList<>();
    learners.values().forEach(l -> rows.add(ProgressEvents.row(l, clock.instant())));
    return rows;
  }

  /** Every learner, copied for grading. */
  public synchronized List<LearnerState> learners() {
    return List.copyOf(learners.values());
  }

  /** Resets the learner's accounts and tells their client to start the lesson again. */
  public void resetLearner(String id) throws WorkshopException, InterruptedException {
    LearnerState l;
    synchronized (this) {
      l = existing(id);
    }
    worlds.reset(l);
    queue(id, "reset");
  }

  /**
   * Queues an action ({@code pause}, {@code resume}, {@code reset}, {@code step:N}) for a client.
   */
  public synchronized void queue(String id, String action) throws WorkshopException {
    LearnerState l = existing(id);
    if ("pause".equals(action) || "resume".equals(action)) {
      l.paused = "pause".equals(action);
    }
    l.pending.add(action);
    notifyAll(); // a long-polling client of this learner's takes it now
    save(l);
    publish(l);
  }

  /** Queues {@code action} for every learner. */
  public synchronized void queueAll(String action) throws WorkshopException {
    for (String id : List.copyOf(learners.keySet())) {
      queue(id, action);
    }
  }

  /** Moves every learner's clock: the engine's clock, under every tenant's own offset. */
  public String advanceClock(String duration) throws WorkshopException, InterruptedException {
    return worlds.advanceClock(duration);
  }

  /**
   * Moves the clock of learner {@code id} only (their tenant's), for their own {@code wait} or the
   * instructor; every other learner's sessions keep their time.
   */
  public String advanceClock(String id, String duration)
      throws WorkshopException, InterruptedException {
    synchronized (this) {
      existing(id);
    }
    return worlds.advanceClock(id, duration);
  }

  EventHub hub() {
    return hub;
  }

  /**
   * Saves the world of every learner who did something since it was last saved (one tenant snapshot
   * each, all in one transaction), so the cost follows the active learners, not the class.
   */
  public void persistEngineIfChanged() throws IOException, InterruptedException, SQLException {
    worlds.saveChanged();
  }

  private LearnerState existing(String id) throws WorkshopException {
    LearnerState l = learners.get(id);
    if (l == null) {
      throw new WorkshopException(404, "no learner " + id);
    }
    return l;
  }

  /** Queues the learner's row for the group commit; call while holding {@code this}. */
  private long submit(LearnerState l) {
    return writer.submit(l.id, WorkshopStore.json(l));
  }

  /** Saves the learner's row and waits for the commit (instructor actions, rare). */
  private void save(LearnerState l) throws WorkshopException {
    try {
      writer.await(submit(l));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkshopException(500, "interrupted while saving progress");
    }
  }

  private void publish(LearnerState l) {
    hub.publish(ProgressEvents.row(l, clock.instant()).toString());
  }

  @Override
  public void close() {
    try {
      persistEngineIfChanged();
    } catch (IOException | SQLException e) {
      // closing: the last snapshot stays, at most a second older
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.close();
    engine.close();
    store.close();
  }
}
