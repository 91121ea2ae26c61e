package dev.iamkata.workshop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server knows of one learner: who, their accounts and keys, and their progress as their
 * client reported it. Serialised to JSON in the workshop database; guarded by the server's lock.
 */
public final class LearnerState {
  public String id;
  public String name;
  public String token;
  public String account;
  public String adminKey;
  public String secondAccount;
  public String secondAdminKey;
  public String lesson;
  public int step;
  public int steps;
  public String stepId;
  public int checksPassed;
  public int checksFailed;
  public int hintsUsed;
  public String lastError;
  public Instant joined;
  public Instant lastActivity;
  public boolean finished;
  public boolean paused;

  /** Per step id: the step's last evaluated checks. */
  public Map<String, StepRecord> stepRecords = new LinkedHashMap<>();

  /** Instructor actions waiting for the learner's client ({@code reset}, {@code step:N}). */
  public List<String> pending = new ArrayList<>();

  /** One step as last evaluated. */
  public static final class StepRecord {
    public int index;
    public String title;
    public boolean passed;
    public boolean skipped;
    public int commands;
    public List<CheckLine> checks = new ArrayList<>();
  }

  /** One check's last result as the client reported it. */
  public record CheckLine(
      String kind,
      String description,
      String status,
      String expected,
      String actual,
      String message,
      long millis) {}
}
