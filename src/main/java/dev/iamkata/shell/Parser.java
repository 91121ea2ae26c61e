package dev.iamkata.shell;

import dev.iamkata.shell.Ast.AndOr;
import dev.iamkata.shell.Ast.Assignment;
import dev.iamkata.shell.Ast.Pipeline;
import dev.iamkata.shell.Ast.Redirect;
import dev.iamkata.shell.Ast.Script;
import dev.iamkata.shell.Ast.Simple;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link Ast} from tokens, with bash's messages for misplaced operators. */
final class Parser {
  private final List<Token> tokens;
  private int pos;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Lexes and parses one logical command line (or a whole script). */
  static Script parse(String text) throws SyntaxError {
    return new Parser(Lexer.lex(text)).script();
  }

  private Script script() throws SyntaxError {
    List<AndOr> chains = new ArrayList<>();
    while (pos < tokens.size()) {
      if (isOperator(";") || isOperator("\n")) {
        if (isOperator(";")) {
          throw SyntaxError.near(";");
        }
        pos++;
        continue;
      }
      chains.add(andOr());
      if (pos < tokens.size()) {
        if (isOperator(";") || isOperator("\n")) {
          pos++;
        } else {
          throw SyntaxError.near(describe(tokens.get(pos)));
        }
      }
    }
    return new Script(chains);
  }

  private AndOr andOr() throws SyntaxError {
    List<Pipeline> pipelines = new ArrayList<>();
    List<String> ops = new ArrayList<>();
    pipelines.add(pipeline());
    while (isOperator("&&") || isOperator("||")) {
      ops.add(((Token.Operator) tokens.get(pos++)).op());
      while (isOperator("\n")) {
        pos++; // bash lets a line end after && and ||
      }
      pipelines.add(pipeline());
    }
    return new AndOr(pipelines, ops);
  }

  private Pipeline pipeline() throws SyntaxError {
    List<Simple> commands = new ArrayList<>();
    commands.add(simple());
    while (isOperator("|")) {
      pos++;
      while (isOperator("\n")) {
        pos++;
      }
      commands.add(simple());
    }
    return new Pipeline(commands);
  }

  private Simple simple() throws SyntaxError {
    List<Assignment> assignments = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    while (pos < tokens.size()) {
      Token t = tokens.get(pos);
      if (t instanceof Token.WordToken w) {
        pos++;
        String name = words.isEmpty() ? w.word().assignmentName() : null;
        if (name != null) {
          assignments.add(new Assignment(name, w.word().assignmentValue()));
        } else {
          words.add(w.word());
        }
      } else if (t instanceof Token.Redirection r) {
        pos++;
        if (pos >= tokens.size() || !(tokens.get(pos) instanceof Token.WordToken target)) {
          throw SyntaxError.near(pos >= tokens.size() ? "newline" : describe(tokens.get(pos)));
        }
        pos++;
        redirects.add(new Redirect(r.fd(), r.op(), target.word(), null));
      } else if (t instanceof Token.Heredoc h) {
        pos++;
        redirects.add(new Redirect(0, "<<", null, h));
      } else {
        break;
      }
    }
    if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
      throw SyntaxError.near(pos >= tokens.size() ? "newline" : describe(tokens.get(pos)));
    }
    return new Simple(assignments, words, redirects);
  }

  private boolean isOperator(String op) {
    return pos < tokens.size() && tokens.get(pos) instanceof Token.Operator o && o.op().equals(op);
  }

  private static String describe(Token t) {
    if (t instanceof Token.Operator o) {
      return o.op().equals("\n") ? "newline" : o.op();
    }
    if (t instanceof Token.Redirection r) {
      return r.op();
    }
    if (t instanceof Token.WordToken w) {
      return w.word().source();
    }
    return "<<";
  }
}
