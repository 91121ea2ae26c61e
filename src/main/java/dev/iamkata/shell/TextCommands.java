package dev.iamkata.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code echo}, {@code read}, and the two filters worth having after a pipe: grep and head. */
final class TextCommands {
  private TextCommands() {}

  /** {@code echo [-neE] WORDS}: bash's builtin, escapes only with {@code -e}. */
  static int echo(ShellCommand.Call call) {
    List<String> args = call.args();
    boolean newline = true;
    boolean escapes = false;
    int i = 0;
    while (i < args.size() && args.get(i).matches("-[neE]+")) {
      newline &= !args.get(i).contains("n");
      escapes = args.get(i).contains("e") || (escapes && !args.get(i).contains("E"));
      i++;
    }
    String text = String.join(" ", args.subList(i, args.size()));
    if (escapes) {
      text = text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    }
    call.out().append(text);
    if (newline) {
      call.out().append('\n');
    }
    return 0;
  }

  /**
   * {@code read [-r] [-p PROMPT] NAME...}: one line of stdin split on IFS into the names, the last
   * taking the rest, as bash does. Without {@code -r} backslashes escape and continue lines.
   */
  static int read(ShellCommand.Call call) {
    List<String> names = new ArrayList<>();
    boolean raw = false;
    List<String> args = call.args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-r")) {
        raw = true;
      } else if (a.equals("-p") && i + 1 < args.size()) {
        i++; // the prompt goes to a terminal; with redirected input bash prints nothing
      } else if (a.startsWith("-")) {
        return call.fail(2, a + ": invalid option\nread: usage: read [-r] [-p prompt] [name ...]");
      } else if (!Names.isName(a)) {
        call.err().append("kata: read: `").append(a).append("': not a valid identifier\n");
        return 1;
      } else {
        names.add(a);
      }
    }
    if (names.isEmpty()) {
      names.add("REPLY");
    }
    String in = call.stdin();
    int nl = in.indexOf('\n');
    boolean sawNewline = nl >= 0;
    String line = sawNewline ? in.substring(0, nl) : in;
    if (!raw) {
      line = unescape(in, line);
    }
    // a prefix (IFS=, read ...) applies to this command only, so it is in the environment
    String ifs = call.environment().getOrDefault("IFS", call.shell().variable("IFS"));
    List<String> values = ReadSplit.split(line, ifs == null ? " \t\n" : ifs, names.size());
    for (int i = 0; i < names.size(); i++) {
      call.shell().assign(names.get(i), i < values.size() ? values.get(i) : "");
    }
    return sawNewline ? 0 : 1;
  }

  /** Without -r: {@code \x} is x and a backslash-newline joins the next line. */
  private static String unescape(String in, String firstLine) {
    StringBuilder out = new StringBuilder();
    String rest = in;
    String line = firstLine;
    while (true) {
      boolean continued = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\\' && i + 1 < line.length()) {
          out.append(line.charAt(++i));
        } else if (c == '\\') {
          continued = true;
        } else {
          out.append(c);
        }
      }
      int nl = rest.indexOf('\n');
      if (!continued || nl < 0) {
        return out.toString();
      }
      rest = rest.substring(nl + 1);
      int next = rest.indexOf('\n');
      line = next < 0 ? rest : rest.substring(0, next);
    }
  }

  /** {@code grep [-ivcqnEF] PATTERN [FILE...]}; exit 0 on a match, 1 on none, 2 on errors. */
  static int grep(ShellCommand.Call call) {
    String flags = "";
    List<String> rest = new ArrayList<>();
    for (String a : call.args()) {
      if (rest.isEmpty() && a.matches("-[ivcqnEF]+")) {
        flags += a.substring(1);
      } else {
        rest.add(a);
      }
    }
    if (rest.isEmpty()) {
      return call.fail(2, "usage: grep [-ivcqnEF] PATTERN [FILE...]");
    }
    Pattern pattern;
    try {
      String p = rest.get(0);
      String regex =
          flags.contains("F") ? Pattern.quote(p) : flags.contains("E") ? p : basicToJava(p);
      pattern = Pattern.compile(regex, flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
    } catch (PatternSyntaxException e) {
      return call.fail(2, "invalid regular expression: " + rest.get(0));
    }
    List<String> files = rest.subList(1, rest.size());
    Inputs inputs = Inputs.of(call, files);
    int matches = 0;
    for (Inputs.Input input : inputs.list()) {
      String[] lines = input.text().split("\n", -1);
      int count = input.text().endsWith("\n") ? lines.length - 1 : lines.length;
      for (int i = 0; i < count; i++) {
        boolean hit = pattern.matcher(lines[i]).find() != flags.contains("v");
        if (!hit) {
          continue;
        }
        matches++;
        if (!flags.contains("c") && !flags.contains("q")) {
          if (files.size() > 1) {
            call.out().append(input.name()).append(':');
          }
          if (flags.contains("n")) {
            call.out().append(i + 1).append(':');
          }
          call.out().append(lines[i]).append('\n');
        }
      }
    }
    if (flags.contains("c")) {
      call.out().append(matches).append('\n');
    }
    return inputs.failed() ? 2 : matches > 0 ? 0 : 1;
  }

  /** A basic regular expression in Java's syntax: {@code + ? | ( ) { }} are literal there. */
  private static String basicToJava(String bre) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bre.length(); i++) {
      char c = bre.charAt(i);
      if (c == '\\' && i + 1 < bre.length()) {
        char n = bre.charAt(++i);
        out.append("+?|(){}".indexOf(n) >= 0 ? String.valueOf(n) : "\\" + n);
      } else if ("+?|(){}".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code head [-n N | -N] [FILE...]}. */
  static int head(ShellCommand.Call call) {
    int n = 10;
    List<String> files = new ArrayList<>();
    List<String> args = call.args();
    try {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.equals("-n") && i + 1 < args.size()) {
          n = Integer.parseInt(args.get(++i));
        } else if (a.matches("-n?\\d+")) {
          n = Integer.parseInt(a.replaceAll("\\D", ""));
        } else {
          files.add(a);
        }
      }
    } catch (NumberFormatException e) {
      return call.fail(1, "invalid number of lines");
    }
    Inputs inputs = Inputs.of(call, files);
    for (Inputs.Input input : inputs.list()) {
      String[] lines = input.text().split("(?<=\n)");
      for (int i = 0; i < Math.min(n, lines.length); i++) {
        call.out().append(lines[i]);
      }
    }
    return inputs.failed() ? 1 : 0;
  }
}
