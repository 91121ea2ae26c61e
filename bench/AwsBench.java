import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.Engine;
import dev.iamkata.engine.EngineConfig;
import dev.iamkata.shell.aws.BuiltinAws;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Built-in aws benchmark, run by bench/aws-bench: 50 typical lesson commands through the built-in
 * aws inside one JVM (one BuiltinAws, as a shell keeps it) and the same 50 through the real aws
 * CLI, one process per command, against one engine. Prints a table; asserts nothing.
 */
public final class AwsBench {
  static final AccessKeyPair ADMIN =
      new AccessKeyPair("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

  static final List<String> SETUP =
      List.of(
          "iam create-user --user-name dev-user",
          "iam create-role --role-name dev-role --assume-role-policy-document file://trust.json",
          "iam attach-role-policy --role-name dev-role --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess",
          "s3 mb s3://bench-bucket",
          "dynamodb create-table --table-name Music --attribute-definitions AttributeName=Artist,AttributeType=S"
              + " --key-schema AttributeName=Artist,KeyType=HASH --billing-mode PAY_PER_REQUEST");

  static final List<String> COMMANDS =
      List.of(
          "sts get-caller-identity",
          "iam list-users",
          "iam get-user --user-name dev-user",
          "iam get-role --role-name dev-role",
          "iam get-role --role-name dev-role --query Role.AssumeRolePolicyDocument",
          "iam list-roles --query Roles[].RoleName --output text",
          "iam list-attached-role-policies --role-name dev-role",
          "iam list-policies --scope Local",
          "iam get-role --role-name nope",
          "sts get-caller-identity --output table",
          "s3 ls",
          "s3 ls s3://bench-bucket",
          "s3api list-objects-v2 --bucket bench-bucket",
          "dynamodb list-tables",
          "dynamodb describe-table --table-name Music --query Table.TableStatus",
          "dynamodb put-item --table-name Music --item {\"Artist\":{\"S\":\"Tama\"}}",
          "dynamodb get-item --table-name Music --key {\"Artist\":{\"S\":\"Tama\"}}",
          "dynamodb scan --table-name Music",
          "ec2 describe-vpcs",
          "ec2 describe-instance-types --query InstanceTypes[].InstanceType",
          "ec2 describe-regions --output text",
          "iam list-access-keys --user-name dev-user",
          "iam get-account-summary",
          "iam list-groups",
          "sts get-caller-identity --query Arn --output text");

  public static void main(String[] args) throws Exception {
    Engine engine = Engine.start(EngineConfig.defaults().withAdminKey(ADMIN));
    Path home = Files.createTempDirectory("aws-bench");
    Path cwd = Files.createDirectories(home.resolve("work"));
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(
        home.resolve(".aws/credentials"),
        "[default]\naws_access_key_id = " + ADMIN.accessKeyId() + "\naws_secret_access_key = " + ADMIN.secretAccessKey() + "\n");
    Files.writeString(home.resolve(".aws/config"), "[default]\nregion = us-east-1\n");
    Files.writeString(
        cwd.resolve("trust.json"),
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::123456789012:user/dev-user\"},\"Action\":\"sts:AssumeRole\"}]}");
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("AWS_ENDPOINT_URL", engine.endpoint());
    env.put("AWS_PAGER", "");
    List<String> commands = new ArrayList<>(COMMANDS);
    commands.addAll(COMMANDS);

    BuiltinAws aws = BuiltinAws.create();
    for (String c : SETUP) {
      builtin(aws, c, env, cwd);
    }
    long t0 = System.nanoTime();
    double[] mine = new double[commands.size()];
    for (int i = 0; i < commands.size(); i++) {
      long s = System.nanoTime();
      builtin(aws, commands.get(i), env, cwd);
      mine[i] = (System.nanoTime() - s) / 1e6;
    }
    double mineTotal = (System.nanoTime() - t0) / 1e6;

    String cli = args.length > 0 ? args[0] : "aws";
    double[] real = new double[commands.size()];
    long t1 = System.nanoTime();
    for (int i = 0; i < commands.size(); i++) {
      long s = System.nanoTime();
      List<String> cmd = new ArrayList<>(List.of(cli));
      cmd.addAll(Arrays.asList(commands.get(i).split(" ")));
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
      pb.environment().putAll(env);
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.start().waitFor();
      real[i] = (System.nanoTime() - s) / 1e6;
    }
    double realTotal = (System.nanoTime() - t1) / 1e6;
    engine.close();

    System.out.printf("%d commands (%d kinds, each twice), one engine%n%n", commands.size(), COMMANDS.size());
    System.out.println("| | built-in aws (one JVM) | aws CLI (a process per command) |");
    System.out.println("|---|---:|---:|");
    System.out.printf("| total | %.0f ms | %.0f ms |%n", mineTotal, realTotal);
    System.out.printf("| median per command | %.1f ms | %.0f ms |%n", median(mine), median(real));
    System.out.printf("| p90 per command | %.1f ms | %.0f ms |%n", percentile(mine, 0.9), percentile(real, 0.9));
    System.out.printf("| first command (cold clients) | %.0f ms | %.0f ms |%n", mine[0], real[0]);
    System.out.printf("%nspeed-up in total: %.1fx (target >= 15x); built-in median %.1f ms (target < 30 ms)%n", realTotal / mineTotal, median(mine));
  }

  private static void builtin(BuiltinAws aws, String command, Map<String, String> env, Path cwd) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
    aws.run(List.of(command.split(" ")), env, cwd, new ByteArrayInputStream(new byte[0]), out, out, null);
  }

  private static double median(double[] v) {
    return percentile(v, 0.5);
  }

  private static double percentile(double[] v, double p) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.floor(p * s.length))];
  }
}
