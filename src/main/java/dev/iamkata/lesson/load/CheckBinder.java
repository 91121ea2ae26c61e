package dev.iamkata.lesson.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.backend.Capability;
import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Expect;
import dev.iamkata.lesson.model.StateQuestion;
import dev.iamkata.lesson.model.Text;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Binds one check (and its {@code expect}) of a step; part of {@link LessonBinder}. */
final class CheckBinder {
  static final List<String> STATE_KEYS =
      List.of(
          "user-exists",
          "role-exists",
          "policy-exists",
          "group-exists",
          "attached",
          "trust-allows",
          "simulate");
  static final List<String> EXPECT_KEYS =
      List.of("outcome", "error", "query", "equals", "matches", "timeout");
  static final List<String> DECISIONS = List.of("allowed", "implicitDeny", "explicitDeny");
  private static final JacksonRuntime JMESPATH = new JacksonRuntime();

  private final Path file;
  private final Path folder;
  private final List<Problem> problems;

  CheckBinder(Path file, Path folder, List<Problem> problems) {
    this.file = file;
    this.folder = folder;
    this.problems = problems;
  }

  private Fields fields(YamlNode.MapNode m, String what, List<String> known) {
    return new Fields(file, problems, m, what, known);
  }

  /** Reports a problem when {@code relative} is not a file inside the lesson folder. */
  void lessonFile(Fields f, YamlNode at, String relative) {
    Path p = folder.resolve(relative).normalize();
    if (!p.startsWith(folder)) {
      f.problem(at, "file \"" + relative + "\" is outside the lesson folder");
    } else if (!Files.isRegularFile(p)) {
      f.problem(at, "file \"" + relative + "\" not found in the lesson folder");
    }
  }

  Check check(Fields step, YamlNode node) {
    if (!(node instanceof YamlNode.MapNode m)) {
      step.problem(
          node,
          "check: expected a map with one of "
              + String.join(", ", Check.KINDS)
              + ", found "
              + node.what());
      return null;
    }
    List<String> kinds = new ArrayList<>();
    for (String key : m.entries().keySet()) {
      if (!key.equals("explain") && !key.equals("requires")) {
        kinds.add(key);
      }
    }
    if (kinds.size() != 1) {
      step.problem(
          node,
          "check: expected exactly one kind ("
              + String.join(", ", Check.KINDS)
              + "), found "
              + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
      return null;
    }
    String kind = kinds.get(0);
    YamlNode.Entry entry = m.entries().get(kind);
    if (!Check.KINDS.contains(kind)) {
      step.problem(
          entry.line(), entry.column(), Suggest.unknown("check kind", kind, "", Check.KINDS));
      return null;
    }
    List<String> known = new ArrayList<>(List.of(kind, "explain", "requires"));
    Fields c = fields(m, "check", known);
    Text explain = c.text("explain", false);
    Set<Capability> requires = requires(c);
    YamlNode.MapNode body = c.mapOf(kind, true);
    c.finish();
    if (body == null) {
      return null;
    }
    return switch (kind) {
      case "learner-ran" -> learnerRan(body, explain, requires);
      case "probe" -> probe(body, explain, requires);
      case "state" -> state(body, explain, requires);
      default -> fileCheck(body, explain, requires);
    };
  }

  private Set<Capability> requires(Fields c) {
    Set<Capability> out = EnumSet.noneOf(Capability.class);
    List<String> names = new ArrayList<>();
    for (Capability cap : Capability.values()) {
      names.add(cap.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    YamlNode list = c.get("requires");
    for (String name : c.strings("requires", false)) {
      int i = names.indexOf(name);
      if (i < 0) {
        c.problem(list, Suggest.unknown("capability", name, "", names));
      } else {
        out.add(Capability.values()[i]);
      }
    }
    return out;
  }

  private Check learnerRan(YamlNode.MapNode m, Text explain, Set<Capability> requires) {
    Fields f = fields(m, "learner-ran", List.of("command", "profile", "expect"));
    String command = f.string("command", true);
    String profile = f.string("profile", false);
    Expect expect = expect(f);
    f.finish();
    return command == null || expect == null
        ? null
        : new Check(new Check.Spec.LearnerRan(command, profile), expect, explain, requires);
  }

  private Check probe(YamlNode.MapNode m, Text explain, Set<Capability> requires) {
    Fields f = fields(m, "probe", List.of("run", "expect"));
    String run = f.string("run", true);
    Expect expect = expect(f);
    f.finish();
    return run == null || expect == null
        ? null
        : new Check(new Check.Spec.Probe(run), expect, explain, requires);
  }

  private Check fileCheck(YamlNode.MapNode m, Text explain, Set<Capability> requires) {
    Fields f = fields(m, "file", List.of("path", "json", "policy-equals", "expect"));
    String path = f.string("path", true);
    Boolean json = f.bool("json");
    String policy = f.string("policy-equals", false);
    if (policy != null) {
      lessonFile(f, f.get("policy-equals"), policy);
    }
    Expect expect = expect(f);
    f.finish();
    boolean mustParse =
        Boolean.TRUE.equals(json) || policy != null || (expect != null && expect.query() != null);
    return path == null || expect == null
        ? null
        : new Check(new Check.Spec.FileCheck(path, mustParse, policy), expect, explain, requires);
  }

  private Check state(YamlNode.MapNode m, Text explain, Set<Capability> requires) {
    if (m.entries().size() != 1) {
      problems.add(
          new Problem(
              file,
              m.line(),
              m.column(),
              "state: expected exactly one question (" + String.join(", ", STATE_KEYS) + ")"));
      return null;
    }
    Fields f = fields(m, "state", STATE_KEYS);
    String key = m.entries().keySet().iterator().next();
    StateQuestion q = null;
    for (StateQuestion.Entity e : StateQuestion.Entity.values()) {
      if (e.key.equals(key)) {
        String name = f.string(key, true);
        q = name == null ? null : new StateQuestion.Exists(e, name);
      }
    }
    if (key.equals("attached")) {
      q = attached(f.mapOf(key, true));
    } else if (key.equals("trust-allows")) {
      YamlNode.MapNode t = f.mapOf(key, true);
      if (t != null) {
        Fields tf = fields(t, "trust-allows", List.of("role", "principal"));
        String role = tf.string("role", true);
        String principal = tf.string("principal", true);
        tf.finish();
        q =
            role == null || principal == null
                ? null
                : new StateQuestion.TrustAllows(role, principal);
      }
    } else if (key.equals("simulate")) {
      q = simulate(f.mapOf(key, true));
    }
    f.finish();
    return q == null ? null : new Check(new Check.Spec.State(q), Expect.none(), explain, requires);
  }

  private StateQuestion attached(YamlNode.MapNode m) {
    if (m == null) {
      return null;
    }
    Fields f = fields(m, "attached", List.of("role", "user", "group", "policy-arn"));
    String arn = f.string("policy-arn", true);
    StateQuestion.Entity entity = null;
    String name = null;
    for (StateQuestion.Entity e :
        List.of(StateQuestion.Entity.ROLE, StateQuestion.Entity.USER, StateQuestion.Entity.GROUP)) {
      String key = e.name().toLowerCase(Locale.ROOT);
      if (f.has(key)) {
        entity = e;
        name = f.string(key, true);
      }
    }
    if (entity == null) {
      f.problem(m, "attached: expected one of role, user or group");
    }
    f.finish();
    return arn == null || name == null ? null : new StateQuestion.Attached(entity, name, arn);
  }

  private StateQuestion simulate(YamlNode.MapNode m) {
    if (m == null) {
      return null;
    }
    Fields f =
        fields(m, "simulate", List.of("principal", "action", "resource", "context", "decision"));
    String principal = f.string("principal", true);
    String action = f.string("action", true);
    String resource = f.string("resource", false);
    Map<String, String> context = new LinkedHashMap<>();
    YamlNode.MapNode ctx = f.mapOf("context", false);
    if (ctx != null) {
      Fields cf = fields(ctx, "context", List.of());
      for (YamlNode.Entry e : ctx.entries().values()) {
        YamlNode v = cf.get(e.key());
        if (v instanceof YamlNode.Scalar s && s.text() != null) {
          context.put(e.key(), s.text());
        } else {
          cf.problem(v, "context \"" + e.key() + "\": expected a value, found " + v.what());
        }
      }
    }
    String decision = f.string("decision", true);
    if (decision != null && !DECISIONS.contains(decision)) {
      f.problem(f.get("decision"), Suggest.unknown("decision", decision, "", DECISIONS));
      decision = null;
    }
    f.finish();
    return principal == null || action == null || decision == null
        ? null
        : new StateQuestion.Simulate(
            principal, action, resource == null ? "*" : resource, context, decision);
  }

  /** The {@code expect} of a check: {@code ok}, or a map; absent means "nothing more". */
  private Expect expect(Fields f) {
    YamlNode v = f.get("expect");
    if (v == null) {
      return Expect.none();
    }
    if (v instanceof YamlNode.Scalar s && "ok".equals(s.text())) {
      return Expect.ok();
    }
    if (!(v instanceof YamlNode.MapNode m)) {
      f.problem(
          v,
          "\"expect\": expected ok or a map with "
              + String.join(", ", EXPECT_KEYS)
              + ", found "
              + v.what());
      return null;
    }
    Fields e = fields(m, "expect", EXPECT_KEYS);
    boolean bad = false;
    String outcomeText = e.string("outcome", false);
    Expect.Outcome outcome = Expect.Outcome.ANY;
    if (outcomeText != null) {
      if (outcomeText.equals("ok") || outcomeText.equals("error")) {
        outcome = Expect.Outcome.valueOf(outcomeText.toUpperCase(Locale.ROOT));
      } else {
        e.problem(
            e.get("outcome"), Suggest.unknown("outcome", outcomeText, "", List.of("ok", "error")));
        bad = true;
      }
    }
    String error = e.string("error", false);
    if (error != null) {
      if (outcome == Expect.Outcome.OK) {
        e.problem(e.get("error"), "\"error\" contradicts \"outcome: ok\"");
        bad = true;
      }
      outcome = Expect.Outcome.ERROR;
    }
    String query = e.string("query", false);
    if (query != null) {
      try {
        JMESPATH.compile(query);
      } catch (RuntimeException ex) {
        e.problem(e.get("query"), "\"query\": not a JMESPath expression: " + ex.getMessage());
        bad = true;
      }
    }
    YamlNode equalsNode = e.get("equals");
    if (equalsNode != null && query == null) {
      e.problem(equalsNode, "\"equals\" needs a \"query\"");
      bad = true;
    }
    String matches = e.string("matches", false);
    if (matches != null) {
      try {
        Pattern.compile(matches);
      } catch (PatternSyntaxException ex) {
        e.problem(
            e.get("matches"), "\"matches\": not a regular expression: " + ex.getDescription());
        bad = true;
      }
    }
    Duration timeout = null;
    String timeoutText = e.string("timeout", false);
    if (timeoutText != null) {
      timeout = Durations.parse(timeoutText);
      if (timeout == null) {
        e.problem(e.get("timeout"), "bad duration \"" + timeoutText + "\": " + Durations.EXPECTED);
        bad = true;
      }
    }
    e.finish();
    if (bad) {
      return null;
    }
    return new Expect(
        outcome, error, query, equalsNode == null ? null : json(equalsNode), matches, timeout);
  }

  /** A YAML value as JSON, for comparing with JMESPath results. */
  static JsonNode json(YamlNode v) {
    JsonNodeFactory nf = JsonNodeFactory.instance;
    if (v instanceof YamlNode.MapNode m) {
      ObjectNode o = nf.objectNode();
      m.entries().values().forEach(e -> o.set(e.key(), json(e.value())));
      return o;
    }
    if (v instanceof YamlNode.ListNode l) {
      ArrayNode a = nf.arrayNode();
      l.items().forEach(i -> a.add(json(i)));
      return a;
    }
    YamlNode.Scalar s = (YamlNode.Scalar) v;
    return switch (s.type()) {
      case STRING -> nf.textNode(s.text());
      case INTEGER -> nf.numberNode(new java.math.BigInteger(s.text()).longValue());
      case NUMBER -> nf.numberNode(Double.parseDouble(s.text()));
      case BOOLEAN -> nf.booleanNode(Boolean.parseBoolean(s.text()));
      case NULL -> nf.nullNode();
    };
  }
}
