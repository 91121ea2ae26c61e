package dev.iamkata.workshop;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Group commit of learner rows: callers {@link #submit} a learner's JSON (a later submit of the
 * same learner replaces an unwritten earlier one) and {@link #await} its commit; one writer thread
 * commits everything waiting in one transaction. So an event is acknowledged only once its row is
 * in the database, yet learners do not queue one by one behind each other's commits, and the
 * workshop's lock is not held while SQLite writes.
 */
final class LearnerWriter implements AutoCloseable {
  private final WorkshopStore store;
  private final Thread thread;
  private final Map<String, String> pending = new LinkedHashMap<>();
  private long submitted;
  private long committed;
  private long failedUpTo;
  private SQLException failure;
  private boolean closed;

  LearnerWriter(WorkshopStore store) {
    this.store = store;
    this.thread = new Thread(this::run, "workshop-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues {@code json} as learner {@code id}'s row; returns the ticket to {@link #await}. */
  synchronized long submit(String id, String json) {
    pending.put(id, json);
    notifyAll();
    return ++submitted;
  }

  /** Waits until the row of {@code ticket} is committed; throws if its transaction failed. */
  synchronized void await(long ticket) throws WorkshopException, InterruptedException {
    while (committed < ticket) {
      if (ticket <= failedUpTo) {
        throw new WorkshopException(500, "could not save progress: " + failure.getMessage());
      }
      if (closed && !thread.isAlive()) {
        throw new WorkshopException(500, "the workshop is closing");
      }
      wait();
    }
  }

  private void run() {
    while (true) {
      Map<String, String> batch;
      long upTo;
      synchronized (this) {
        while (pending.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (pending.isEmpty()) {
          notifyAll();
          return;
        }
        batch = new LinkedHashMap<>(pending);
        pending.clear();
        upTo = submitted;
      }
      SQLException error = null;
      try {
        store.saveLearners(batch);
      } catch (SQLException e) {
        error = e;
      }
      synchronized (this) {
        if (error == null) {
          committed = upTo;
        } else {
          failure = error;
          failedUpTo = upTo;
        }
        notifyAll();
      }
    }
  }

  /** Writes what is waiting, then stops the writer thread. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
