package dev.iamkata.shell;

import java.util.ArrayList;
import java.util.List;

/** An aws executor for shell tests: records the invocations and answers like the CLI would. */
final class FakeAws implements AwsExecutor {
  final List<List<String>> calls = new ArrayList<>();

  @Override
  public String name() {
    return "builtin";
  }

  @Override
  public Result execute(Invocation inv) {
    calls.add(inv.args());
    if (inv.args().contains("get-role")) {
      return new Result(
          254,
          "",
          "\nAn error occurred (NoSuchEntity) when calling the GetRole operation: The role with"
              + " name nope cannot be found.\n");
    }
    return new Result(
        0,
        "{\n    \"Account\": \"123456789012\",\n    \"Profile\": \""
            + inv.environment().getOrDefault("AWS_PROFILE", "")
            + "\"\n}\n",
        "");
  }
}
