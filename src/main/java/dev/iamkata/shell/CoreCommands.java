package dev.iamkata.shell;

import java.time.Clock;
import java.util.Map;

/** The built-ins every interpreter has, registered by name. */
final class CoreCommands {
  private CoreCommands() {}

  static void register(Map<String, ShellCommand> commands) {
    commands.put("echo", TextCommands::echo);
    commands.put("read", TextCommands::read);
    commands.put("grep", TextCommands::grep);
    commands.put("head", TextCommands::head);
    commands.put("cat", FileCommands::cat);
    commands.put("ls", FileCommands::ls);
    commands.put("cd", FileCommands::cd);
    commands.put("pwd", FileCommands::pwd);
    commands.put("mkdir", FileCommands::mkdir);
    commands.put("rm", FileCommands::rm);
    commands.put("export", VariableCommands::export);
    commands.put("unset", VariableCommands::unset);
    commands.put("env", VariableCommands::env);
    commands.put("true", call -> 0);
    commands.put("false", call -> 1);
    commands.put("exit", CoreCommands::exit);
    commands.put("help", CoreCommands::help);
    commands.put("totp", new TotpCommand(Clock.systemUTC()));
  }

  private static int exit(ShellCommand.Call call) {
    int code = call.shell().status();
    if (!call.args().isEmpty()) {
      try {
        code = Integer.parseInt(call.args().get(0)) & 0xff;
      } catch (NumberFormatException e) {
        call.err().append("kata: exit: ").append(call.args().get(0));
        call.err().append(": numeric argument required\n");
        code = 2;
      }
    }
    call.shell().requestExit(code);
    return code;
  }

  private static int help(ShellCommand.Call call) {
    call.out().append("Commands: ").append(String.join(" ", call.shell().commandNames()));
    call.out().append('\n');
    return 0;
  }
}
