package dev.iamkata.bench;

import dev.iamkata.engine.policy.Decision;
import dev.iamkata.engine.policy.EvaluationInput;
import dev.iamkata.engine.policy.Policy;
import dev.iamkata.engine.policy.PolicyEvaluator;
import dev.iamkata.engine.policy.PolicyKind;
import dev.iamkata.engine.policy.PolicyParser;
import dev.iamkata.engine.policy.PolicyType;
import dev.iamkata.engine.policy.PrincipalIdentity;
import dev.iamkata.engine.policy.RequestContext;
import dev.iamkata.engine.policy.SourcedPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Policy evaluation on one thread: a user with two identity policies of ten statements in all
 * (StringEquals, StringLike, IpAddress, DateGreaterThan, Bool and IfExists conditions, policy
 * variables, wildcards in actions and resources, one Deny that every request must be checked
 * against), asked five different questions in turn: three allowed, one implicitly denied, one
 * explicitly denied. One operation is one decision.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyEvaluationBench {
  static final String TEAM_ACCESS =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Sid": "OwnHome", "Effect": "Allow",
         "Action": ["s3:GetObject", "s3:PutObject"],
         "Resource": "arn:aws:s3:::corp-data/home/${aws:username}/*",
         "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
        {"Sid": "ListOwnPrefix", "Effect": "Allow", "Action": "s3:ListBucket",
         "Resource": "arn:aws:s3:::corp-data",
         "Condition": {"StringLike": {"s3:prefix": ["home/${aws:username}/*", "shared/*"]}}},
        {"Sid": "TeamReadsSharedFromOffice", "Effect": "Allow", "Action": "s3:Get*",
         "Resource": "arn:aws:s3:::corp-*/shared/*",
         "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["blue", "green"]},
                       "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "203.0.113.0/24"]}}},
        {"Sid": "DescribeInTwoRegions", "Effect": "Allow", "Action": "ec2:Describe*",
         "Resource": "*",
         "Condition": {"StringEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}},
        {"Sid": "OrdersSinceLaunch", "Effect": "Allow",
         "Action": ["dynamodb:GetItem", "dynamodb:Query"],
         "Resource": "arn:aws:dynamodb:*:111122223333:table/orders*",
         "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2024-01-01T00:00:00Z"}}},
        {"Sid": "ReadSelf", "Effect": "Allow", "Action": ["iam:Get*", "iam:List*"],
         "Resource": "arn:aws:iam::111122223333:user/${aws:username}",
         "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}}
      ]}
      """;

  static final String GUARDRAILS =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Sid": "AppLogs", "Effect": "Allow", "Action": "logs:*",
         "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/app/*"},
        {"Sid": "Jobs", "Effect": "Allow", "Action": "sqs:SendMessage",
         "Resource": "arn:aws:sqs:*:111122223333:jobs-??",
         "Condition": {"StringEqualsIfExists": {"aws:RequestTag/env": "prod"}}},
        {"Sid": "TeamKeys", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
         "Condition": {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}},
        {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Action": "*", "Resource": "*",
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
      ]}
      """;

  static final PrincipalIdentity ALICE =
      PrincipalIdentity.user(
          "arn:aws:iam::111122223333:user/alice", "AIDAALICEEXAMPLE0001", Map.of("team", "blue"));

  /** A question and the answer the policies must give. */
  record Question(String action, String resource, Decision.Outcome expected, String... keys) {}

  static final List<Question> QUESTIONS =
      List.of(
          new Question(
              "s3:GetObject",
              "arn:aws:s3:::corp-data/home/alice/report.csv",
              Decision.Outcome.ALLOWED),
          new Question(
              "s3:ListBucket",
              "arn:aws:s3:::corp-data",
              Decision.Outcome.ALLOWED,
              "s3:prefix",
              "home/alice/"),
          new Question(
              "dynamodb:GetItem",
              "arn:aws:dynamodb:us-east-1:111122223333:table/orders",
              Decision.Outcome.ALLOWED),
          new Question(
              "s3:DeleteObject",
              "arn:aws:s3:::corp-data/home/bob/notes.txt",
              Decision.Outcome.IMPLICIT_DENY),
          new Question(
              "s3:GetObject",
              "arn:aws:s3:::corp-data/home/alice/report.csv",
              Decision.Outcome.EXPLICIT_DENY,
              "aws:SecureTransport",
              "false"));

  private List<SourcedPolicy> policies;
  private EvaluationInput[] inputs;
  private int next;

  @Setup
  public void setUp() {
    policies =
        List.of(
            new SourcedPolicy("team-access", PolicyType.IDENTITY, parse(TEAM_ACCESS)),
            new SourcedPolicy("guardrails", PolicyType.IDENTITY, parse(GUARDRAILS)));
    inputs = new EvaluationInput[QUESTIONS.size()];
    for (int i = 0; i < inputs.length; i++) {
      Question question = QUESTIONS.get(i);
      inputs[i] = input(question);
      Decision.Outcome outcome = PolicyEvaluator.evaluate(inputs[i]).outcome();
      if (outcome != question.expected()) {
        throw new IllegalStateException(question + " gave " + outcome);
      }
    }
  }

  /** One decision on a request whose context is already built. */
  @Benchmark
  public Decision evaluate() {
    EvaluationInput input = inputs[next];
    next = next + 1 == inputs.length ? 0 : next + 1;
    return PolicyEvaluator.evaluate(input);
  }

  /** One decision including building the request context, as the engine does per request. */
  @Benchmark
  public Decision buildContextAndEvaluate() {
    Question question = QUESTIONS.get(next);
    next = next + 1 == inputs.length ? 0 : next + 1;
    return PolicyEvaluator.evaluate(input(question));
  }

  /** Parsing and validating both documents (ten statements): one operation is the policy set. */
  @Benchmark
  public Object parsePolicySet() {
    return new Object[] {parse(TEAM_ACCESS), parse(GUARDRAILS)};
  }

  private EvaluationInput input(Question question) {
    RequestContext.Builder context =
        RequestContext.builder(question.action(), question.resource(), ALICE)
            .key("aws:SourceIp", "10.1.2.3")
            .key("aws:CurrentTime", "2025-06-01T12:00:00Z")
            .key("aws:SecureTransport", "true")
            .key("aws:MultiFactorAuthPresent", "true")
            .key("aws:RequestedRegion", "us-east-1");
    for (int k = 0; k < question.keys().length; k += 2) {
      context.key(question.keys()[k], question.keys()[k + 1]);
    }
    return EvaluationInput.builder(context.build()).identityPolicies(policies).build();
  }

  private static Policy parse(String json) {
    return PolicyParser.parse(json, PolicyKind.IDENTITY);
  }
}
