package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.leadhandoff.local.asl.eval.Intrinsics;
import com.leadhandoff.local.asl.eval.VariablePaths;
import com.leadhandoff.local.asl.model.Expression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the value of a {@code .$} field: a path ({@code $.x}), a context path ({@code $$.x}) or an
 * intrinsic function call, refusing intrinsics the interpreter does not implement.
 */
final class ExpressionParser {
  /** The developer guide: "You can nest up to 10 intrinsic functions within a field". */
  private static final int MAX_NESTING = 10;

  private final String text;
  private final String where;
  private final Problems problems;
  private int pos;
  private int nesting;

  private ExpressionParser(String text, String where, Problems problems) {
    this.text = text;
    this.where = where;
    this.problems = problems;
  }

  /** Parses {@code text}; reports problems against {@code where} and returns empty on error. */
  static Optional<Expression> parse(String text, String where, Problems problems) {
    ExpressionParser parser = new ExpressionParser(text.trim(), where, problems);
    try {
      Expression expression = parser.expression();
      parser.skipSpaces();
      if (parser.pos != parser.text.length()) {
        throw parser.error("unexpected text after position " + parser.pos);
      }
      return Optional.of(expression);
    } catch (SyntaxError e) {
      // Step Functions' words, then what exactly is wrong.
      problems.add(
          where,
          "The value for the field '"
              + fieldOf(where)
              + "' must be a valid JSONPath or a valid intrinsic function call ("
              + e.getMessage()
              + ")");
      return Optional.empty();
    }
  }

  private Expression expression() {
    skipSpaces();
    if (text.startsWith("$", pos)) {
      return pathExpression(readPath());
    }
    if (text.startsWith("States.", pos)) {
      return intrinsic();
    }
    throw error("expected a path ($...) or an intrinsic function (States...)");
  }

  private Expression pathExpression(String path) {
    Optional<Expression.VariablePath> variable = VariablePaths.parse(path);
    if (variable.isPresent()) {
      try {
        JsonPath.compile(variable.get().path());
      } catch (InvalidPathException | IllegalArgumentException e) {
        throw error("'" + path + "' is not a valid variable path: " + e.getMessage());
      }
      return variable.get();
    }
    boolean context = path.startsWith("$$");
    String jsonPath = context ? path.substring(1) : path;
    try {
      JsonPath.compile(jsonPath);
    } catch (InvalidPathException | IllegalArgumentException e) {
      throw error("'" + path + "' is not a valid JSONPath: " + e.getMessage());
    }
    return context ? new Expression.ContextPath(jsonPath) : new Expression.InputPath(jsonPath);
  }

  private Expression intrinsic() {
    if (++nesting > MAX_NESTING) {
      throw error("intrinsic functions nest at most " + MAX_NESTING + " deep in one field");
    }
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || at('.'))) {
      pos++;
    }
    String name = text.substring(start, pos);
    skipSpaces();
    if (!at('(')) {
      throw error("expected '(' after " + name);
    }
    pos++;
    List<Expression> args = new ArrayList<>();
    skipSpaces();
    if (at(')')) {
      pos++;
    } else {
      while (true) {
        // States.Format keeps "\{" and "\}" in its template so it can tell them from "{}".
        args.add(argument(name.equals("States.Format") && args.isEmpty()));
        skipSpaces();
        if (at(',')) {
          pos++;
        } else if (at(')')) {
          pos++;
          break;
        } else {
          throw error("expected ',' or ')' in the arguments of " + name);
        }
      }
    }
    Optional<String> problem = Intrinsics.checkCall(name, args);
    if (problem.isPresent()) {
      throw error(problem.get());
    }
    nesting--;
    return new Expression.Intrinsic(name, args, text.substring(start, pos));
  }

  private Expression argument(boolean formatTemplate) {
    skipSpaces();
    if (at('\'')) {
      return new Expression.Literal(TextNode.valueOf(quoted(formatTemplate)));
    }
    if (text.startsWith("$", pos) || text.startsWith("States.", pos)) {
      return expression();
    }
    String word = readWord();
    switch (word) {
      case "true":
        return new Expression.Literal(BooleanNode.TRUE);
      case "false":
        return new Expression.Literal(BooleanNode.FALSE);
      case "null":
        return new Expression.Literal(NullNode.getInstance());
      default:
        try {
          BigDecimal number = new BigDecimal(word);
          // Numbers read as JSON input reads them: whole numbers exact, others as doubles.
          return new Expression.Literal(
              number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                  ? LongNode.valueOf(number.longValueExact())
                  : DoubleNode.valueOf(number.doubleValue()));
        } catch (NumberFormatException | ArithmeticException e) {
          throw error("unexpected argument '" + word + "'");
        }
    }
  }

  /**
   * A single-quoted string. The developer guide's "Reserved characters in intrinsic functions":
   * {@code \'}, {@code \{}, {@code \}} and {@code \\} are the only escapes; any other backslash
   * (such as {@code \"} or {@code \n}) makes Step Functions refuse the definition.
   *
   * @param keepBraceEscapes keep the backslash of {@code \{} and {@code \}} (a Format template)
   */
  private String quoted(boolean keepBraceEscapes) {
    pos++;
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\\') {
        if (pos >= text.length() || "'{}\\".indexOf(text.charAt(pos)) < 0) {
          throw error(
              "an open escape backslash at position "
                  + (pos - 1)
                  + ": only \\', \\{, \\} and \\\\ may be escaped in an intrinsic function");
        }
        char escaped = text.charAt(pos++);
        if (keepBraceEscapes && (escaped == '{' || escaped == '}' || escaped == '\\')) {
          out.append('\\');
        }
        out.append(escaped);
      } else if (c == '\'') {
        return out.toString();
      } else {
        out.append(c);
      }
    }
    throw error("unterminated string literal");
  }

  /** A path runs to the next top-level ',' or ')', skipping brackets and quoted names. */
  private String readPath() {
    int start = pos;
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\'' || c == '"') {
        pos = closingQuote(c, pos + 1);
        continue;
      }
      if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || (c == ')' && depth > 0)) {
        depth--;
      } else if (depth == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
        break;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  /** The position after the quote that closes a quoted name, skipping backslash escapes. */
  private int closingQuote(char quote, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != quote) {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, text.length());
  }

  private String readWord() {
    int start = pos;
    while (pos < text.length()
        && !at(',')
        && !at(')')
        && !Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean at(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  /** The field named in {@code where} ("State 'A' Parameters field 'x.$'" names "x.$"). */
  private static String fieldOf(String where) {
    int field = where.lastIndexOf("field '");
    if (field >= 0) {
      int end = where.indexOf('\'', field + 7);
      return where.substring(field + 7, end < 0 ? where.length() : end);
    }
    return where.substring(where.lastIndexOf(' ') + 1);
  }

  private SyntaxError error(String message) {
    return new SyntaxError("'" + text + "': " + message);
  }

  private static final class SyntaxError extends RuntimeException {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }
}
