package dev.iamkata.lesson.model;

import dev.iamkata.backend.Capability;
import java.util.List;
import java.util.Set;

/**
 * One check of a step: what it looks at ({@link Spec}), what it expects, and what the learner is
 * told when it fails.
 *
 * @param spec the kind of check and its target
 * @param expect what the result must be
 * @param explain told to the learner when the check fails (a common mistake), or {@code null}
 * @param requires backend capabilities the check depends on; without one it is SKIPPED
 */
public record Check(Spec spec, Expect expect, Text explain, Set<Capability> requires) {

  public Check {
    requires = Set.copyOf(requires);
  }

  /** The kinds, as written in a lesson. */
  public static final List<String> KINDS = List.of("learner-ran", "probe", "state", "file");

  /** A short, stable description for reports: the kind and its target. */
  public String describe() {
    String target = spec.target();
    String want = describeExpect();
    return spec.kind() + ": " + target + (want.isEmpty() ? "" : " → " + want);
  }

  private String describeExpect() {
    if (expect.error() != null) {
      return expect.error();
    }
    if (expect.query() != null) {
      return expect.query() + " = " + (expect.equals() == null ? "?" : expect.equals().toString());
    }
    if (expect.matches() != null) {
      return "/" + expect.matches() + "/";
    }
    return expect.outcome() == Expect.Outcome.OK ? "ok" : "";
  }

  /** What a check looks at. */
  public sealed interface Spec {
    /** The kind as written in a lesson. */
    String kind();

    /** What it looks at, in one line. */
    String target();

    /**
     * A command the learner ran in this step, matched by its words (program, service, command) and
     * optionally the profile in effect.
     */
    record LearnerRan(String command, String profile) implements Spec {
      @Override
      public String kind() {
        return "learner-ran";
      }

      @Override
      public String target() {
        return command + (profile == null ? "" : " --profile " + profile);
      }
    }

    /** A command the runner runs in a copy of the learner's environment. */
    record Probe(String run) implements Spec {
      @Override
      public String kind() {
        return "probe";
      }

      @Override
      public String target() {
        return run;
      }
    }

    /** A question to the backend, asked as the admin. */
    record State(StateQuestion question) implements Spec {
      @Override
      public String kind() {
        return "state";
      }

      @Override
      public String target() {
        return question.describe();
      }
    }

    /**
     * A file the learner wrote, relative to their home.
     *
     * @param json whether it must parse as JSON
     * @param policyEquals a lesson file the learner's policy must be equivalent to, or null
     */
    record FileCheck(String path, boolean json, String policyEquals) implements Spec {
      @Override
      public String kind() {
        return "file";
      }

      @Override
      public String target() {
        return path;
      }
    }
  }
}
