package dev.iamkata.shell;

import java.util.Map;

/** {@code export}, {@code unset} and {@code env}. */
final class VariableCommands {
  private VariableCommands() {}

  static int export(ShellCommand.Call call) {
    if (call.args().isEmpty() || call.args().equals(java.util.List.of("-p"))) {
      call.shell()
          .workspace()
          .variables()
          .forEach(
              (k, v) ->
                  call.out()
                      .append("declare -x ")
                      .append(k)
                      .append("=\"")
                      .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                      .append("\"\n"));
      return 0;
    }
    int status = 0;
    for (String arg : call.args()) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (!Names.isName(name)) {
        call.err().append("kata: export: `").append(arg).append("': not a valid identifier\n");
        status = 1;
        continue;
      }
      call.shell().export(name, eq < 0 ? null : arg.substring(eq + 1));
    }
    return status;
  }

  static int unset(ShellCommand.Call call) {
    int status = 0;
    for (String name : call.args()) {
      if (name.equals("-v")) {
        continue;
      }
      if (!Names.isName(name)) {
        call.err().append("kata: unset: `").append(name).append("': not a valid identifier\n");
        status = 1;
        continue;
      }
      call.shell().unset(name);
    }
    return status;
  }

  static int env(ShellCommand.Call call) {
    if (!call.args().isEmpty()) {
      return call.fail(
          2, "running a command through env is not supported here; try NAME=VALUE cmd");
    }
    for (Map.Entry<String, String> e : call.environment().entrySet()) {
      call.out().append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    return 0;
  }
}
