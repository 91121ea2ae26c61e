package dev.iamkata.workshop;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Fan-out of progress updates to the dashboards' Server-Sent-Event streams. Each subscriber has a
 * bounded queue; a dashboard that stops reading loses old updates rather than holding the server's
 * memory (every update carries the learner's whole row, so the next one catches it up).
 */
final class EventHub {
  static final int MAX_SUBSCRIBERS = 32;
  private final List<BlockingQueue<String>> subscribers = new CopyOnWriteArrayList<>();

  /** A new subscription, or null when there are already {@link #MAX_SUBSCRIBERS}. */
  BlockingQueue<String> subscribe() {
    if (subscribers.size() >= MAX_SUBSCRIBERS) {
      return null;
    }
    BlockingQueue<String> queue = new LinkedBlockingQueue<>(256);
    subscribers.add(queue);
    return queue;
  }

  void unsubscribe(BlockingQueue<String> queue) {
    subscribers.remove(queue);
  }

  /** Offers {@code data} (one JSON line) to every subscriber, dropping the oldest when full. */
  void publish(String data) {
    for (BlockingQueue<String> q : subscribers) {
      while (!q.offer(data)) {
        q.poll();
      }
    }
  }
}
