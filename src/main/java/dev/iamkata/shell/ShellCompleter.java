package dev.iamkata.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names first; after {@code aws} its services, the service's commands and
 * the command's {@code --flags} ({@link AwsCatalogue}); values of {@code --profile} (the sandbox's
 * profiles), {@code --output}, ARN and name flags (the account's IAM entities, {@link ArnSource});
 * {@code $VARIABLES}; file paths inside the sandbox otherwise.
 */
final class ShellCompleter implements Completer {
  private static final Set<String> SEPARATORS = Set.of("&&", "||", ";", "|");
  private static final Set<String> GLOBAL_VALUED =
      Set.of("--profile", "--region", "--output", "--query", "--endpoint-url");

  private final ShellSession session;
  private final AwsCatalogue catalogue;
  private final ArnSource arns;

  ShellCompleter(ShellSession session, AwsCatalogue catalogue, ArnSource arns) {
    this.session = session;
    this.catalogue = catalogue;
    this.arns = arns;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    candidates.addAll(candidates(line.words(), line.wordIndex(), prefix(line)));
  }

  private static String prefix(ParsedLine line) {
    String w = line.word();
    return w.substring(0, Math.min(line.wordCursor(), w.length()));
  }

  /** The candidates for the word at {@code index} of {@code words}, given its typed prefix. */
  List<Candidate> candidates(List<String> words, int index, String prefix) {
    int start = 0;
    for (int i = 0; i < index; i++) {
      if (SEPARATORS.contains(words.get(i)) || words.get(i).startsWith("$(")) {
        start = i + 1;
      }
    }
    List<String> before = words.subList(start, index);
    if (prefix.startsWith("$")) {
      return variables(prefix);
    }
    if (before.isEmpty()) {
      return plain(session.commandNames(), true);
    }
    return switch (before.get(0)) {
      case "aws" -> aws(before.subList(1, before.size()), prefix);
      case "aws-mode" -> plain(session.runner().modes().names(), true);
      case "lang" -> plain(List.of("en", "ja"), true);
      default -> files(prefix, "");
    };
  }

  private List<Candidate> aws(List<String> args, String prefix) {
    String previous = args.isEmpty() ? "" : args.get(args.size() - 1);
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--")) {
        boolean valued = GLOBAL_VALUED.contains(a) || positional.size() >= 2;
        if (valued && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
          i++;
        }
      } else {
        positional.add(a);
      }
    }
    if (previous.startsWith("--") && !prefix.startsWith("--")) {
      List<Candidate> values = flagValues(previous, prefix);
      if (values != null) {
        return values;
      }
    }
    if (prefix.startsWith("--")) {
      List<String> flags = new ArrayList<>(AwsCatalogue.GLOBAL_FLAGS);
      if (positional.size() >= 2) {
        flags.addAll(0, catalogue.flags(positional.get(0), positional.get(1)));
      }
      return plain(flags, true);
    }
    if (positional.isEmpty()) {
      return plain(catalogue.services(), true);
    }
    if (positional.size() == 1) {
      return plain(catalogue.commands(positional.get(0)), true);
    }
    return files(prefix, "");
  }

  /** Values for the flag just typed, or null when it takes an ordinary word or file. */
  private List<Candidate> flagValues(String flag, String prefix) {
    if (flag.equals("--profile")) {
      return plain(List.copyOf(ProfileFiles.read(session.workspace()).names()), true);
    }
    if (flag.equals("--output")) {
      return plain(List.of("json", "text", "table", "yaml"), true);
    }
    if (flag.endsWith("-arn") || flag.endsWith("-arns")) {
      return plain(arns.entities().arns(), true);
    }
    if (flag.equals("--role-name")) {
      return plain(arns.entities().roles(), true);
    }
    if (flag.equals("--user-name")) {
      return plain(arns.entities().users(), true);
    }
    if (prefix.startsWith("file://") || prefix.startsWith("fileb://")) {
      return files(
          prefix.substring(prefix.indexOf("//") + 2),
          prefix.substring(0, prefix.indexOf("//") + 2));
    }
    return null;
  }

  private List<Candidate> variables(String prefix) {
    boolean braced = prefix.startsWith("${");
    List<String> names = new ArrayList<>(session.workspace().variables().keySet());
    names.addAll(session.interpreter().shellVariables().keySet());
    List<Candidate> out = new ArrayList<>();
    for (String n : names) {
      String value = braced ? "${" + n + "}" : "$" + n;
      out.add(new Candidate(value, value, null, null, null, null, true));
    }
    return out;
  }

  /** Files and directories for a path prefix, resolved in the sandbox; directories end in /. */
  private List<Candidate> files(String path, String scheme) {
    int slash = path.lastIndexOf('/');
    String dirPart = slash < 0 ? "" : path.substring(0, slash + 1);
    List<Candidate> out = new ArrayList<>();
    Path dir;
    try {
      dir = Sandbox.resolve(session.workspace(), dirPart.isEmpty() ? "." : dirPart);
    } catch (Sandbox.Denied e) {
      return out;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      entries
          .sorted()
          .forEach(
              p -> {
                String name = p.getFileName().toString();
                boolean isDir = Files.isDirectory(p);
                String value = scheme + dirPart + name + (isDir ? "/" : "");
                out.add(
                    new Candidate(
                        value, name + (isDir ? "/" : ""), null, null, null, null, !isDir));
              });
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static List<Candidate> plain(List<String> values, boolean complete) {
    List<Candidate> out = new ArrayList<>();
    for (String v : values) {
      out.add(new Candidate(v, v, null, null, null, null, complete));
    }
    return out;
  }
}
