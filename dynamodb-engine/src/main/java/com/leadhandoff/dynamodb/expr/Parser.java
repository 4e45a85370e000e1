package com.leadhandoff.dynamodb.expr;

import static com.leadhandoff.dynamodb.expr.Lexer.COLON;
import static com.leadhandoff.dynamodb.expr.Lexer.COMMA;
import static com.leadhandoff.dynamodb.expr.Lexer.DOT;
import static com.leadhandoff.dynamodb.expr.Lexer.EOF;
import static com.leadhandoff.dynamodb.expr.Lexer.HASH;
import static com.leadhandoff.dynamodb.expr.Lexer.LBRACK;
import static com.leadhandoff.dynamodb.expr.Lexer.LPAREN;
import static com.leadhandoff.dynamodb.expr.Lexer.MINUS;
import static com.leadhandoff.dynamodb.expr.Lexer.NAME;
import static com.leadhandoff.dynamodb.expr.Lexer.NUMBER;
import static com.leadhandoff.dynamodb.expr.Lexer.PLUS;
import static com.leadhandoff.dynamodb.expr.Lexer.RBRACK;
import static com.leadhandoff.dynamodb.expr.Lexer.RPAREN;

import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.expr.Ast.Comparator;
import com.leadhandoff.dynamodb.expr.Ast.Node;
import com.leadhandoff.dynamodb.expr.Ast.Operand;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.Ordering;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for the expression languages. Precedence, tightest first: comparators,
 * BETWEEN and IN; NOT; AND; OR (Developer Guide, "Comparison operator and function reference",
 * Precedence in conditions).
 *
 * <p>A syntax error is thrown at once. Semantic errors (reserved words, undefined placeholders,
 * misused functions, operand types…) are recorded and parsing goes on, so that, as DynamoDB does, a
 * syntax error anywhere wins over them, and among them the more fundamental kind wins. In
 * conditions: redundant parentheses, unknown functions, misused functions, reserved words, then the
 * first error about an operator's operands (undefined placeholders included). In updates: reserved
 * words, unknown or misused functions, repeated sections, undefined names, undefined values,
 * overlapping paths, ADD/DELETE operand types, then function operands.
 */
final class Parser {
  static final int MAX_IN_OPERANDS = 100;
  static final int MAX_EXPRESSION_BYTES = 4096;
  static final int MAX_OPERATORS = 300;
  static final Set<String> ATTRIBUTE_TYPES =
      Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

  private static final int PARENS = 0;
  private static final int UNKNOWN_FUNCTION = 1;
  private static final int MISUSED_FUNCTION = 2;
  private static final int RESERVED = 3;
  private static final int SECTION = 4;
  private static final int UNDEFINED_NAME = 5;
  private static final int UNDEFINED_VALUE = 6;
  private static final int OVERLAP = 7;
  private static final int OPERAND_TYPE = 8;
  private static final int OPERANDS = 9;

  private static final int[] CONDITION_ORDER = {
    PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, OPERANDS
  };
  private static final int[] UPDATE_ORDER = {
    RESERVED,
    UNKNOWN_FUNCTION,
    MISUSED_FUNCTION,
    SECTION,
    UNDEFINED_NAME,
    UNDEFINED_VALUE,
    OVERLAP,
    OPERAND_TYPE,
    OPERANDS
  };

  /** Stands in for an operand whose error is already recorded; never evaluated. */
  private static final Operand BROKEN = new Ast.ValueOp("", new AttributeValue.Null());

  private static final Node BROKEN_NODE = item -> false;

  private final Lexer lx;
  private final String kind;
  private final ExpressionAttributes attributes;
  private final DynamoDbException[] deferred = new DynamoDbException[10];
  private boolean anyDeferred;
  private boolean updateMode;
  private int pos;
  private int operators;

  Parser(String text, String kind, ExpressionAttributes attributes) {
    this.kind = kind;
    this.attributes = attributes == null ? ExpressionAttributes.none() : attributes;
    if (text == null || text.isBlank()) {
      throw error(kind, "The expression can not be empty;");
    }
    if (text.length() > MAX_EXPRESSION_BYTES / 3
        && text.getBytes(StandardCharsets.UTF_8).length > MAX_EXPRESSION_BYTES) {
      throw error(kind, "Expression size has exceeded the maximum allowed size;");
    }
    this.lx = new Lexer(text);
  }

  static DynamoDbException error(String kind, String detail) {
    return DynamoDbException.validation("Invalid " + kind + ": " + detail);
  }

  DynamoDbException error(String detail) {
    return error(kind, detail);
  }

  private void defer(int slot, String detail) {
    if (deferred[slot] == null) {
      deferred[slot] = error(detail);
      anyDeferred = true;
    }
  }

  /** Throws the most fundamental recorded error, if any. */
  private void flush() {
    if (anyDeferred) {
      for (int slot : updateMode ? UPDATE_ORDER : CONDITION_ORDER) {
        if (deferred[slot] != null) {
          throw deferred[slot];
        }
      }
    }
  }

  private DynamoDbException syntax() {
    int i = pos;
    String token;
    int nearStart = i > 0 ? lx.start[i - 1] : lx.start[i];
    int nearEnd;
    if (lx.type[i] == EOF) {
      token = "<EOF>";
      nearEnd = lx.src.length();
    } else {
      token = "\"" + lx.text(i) + "\"";
      nearEnd = lx.type[i + 1] == EOF ? lx.end[i] : lx.end[i + 1];
    }
    return error(
        "Syntax error; token: "
            + token
            + ", near: \""
            + lx.src.substring(nearStart, nearEnd)
            + "\"");
  }

  private int peek() {
    return lx.type[pos];
  }

  private void expect(int type) {
    if (lx.type[pos] != type) {
      throw syntax();
    }
    pos++;
  }

  /** Counts one operator or function against the limit of 300 per expression. */
  private void operator() {
    if (++operators > MAX_OPERATORS) {
      throw error("The expression contains too many operators; operator count: " + operators);
    }
  }

  private boolean functionAhead() {
    return lx.type[pos] == NAME && lx.type[pos + 1] == LPAREN;
  }

  private boolean comparisonAhead(int i) {
    int t = lx.type[i];
    return t >= Lexer.EQ && t <= Lexer.GE || lx.isWord(i, "BETWEEN") || lx.isWord(i, "IN");
  }

  // ---------------------------------------------------------------- conditions

  Node condition() {
    Node node = or();
    if (peek() != EOF) {
      throw syntax();
    }
    flush();
    return node;
  }

  private Node or() {
    Node left = and();
    while (lx.isWord(pos, "OR")) {
      operator();
      pos++;
      left = new Ast.Or(left, and());
    }
    return left;
  }

  private Node and() {
    Node left = not();
    while (lx.isWord(pos, "AND")) {
      operator();
      pos++;
      left = new Ast.And(left, not());
    }
    return left;
  }

  private Node not() {
    if (lx.isWord(pos, "NOT")) {
      operator();
      pos++;
      return new Ast.Not(not());
    }
    return primary();
  }

  /** True if the parenthesis at {@code pos} closes before a comparator, BETWEEN or IN. */
  private boolean parenthesisedOperandAhead() {
    int depth = 0;
    for (int i = pos; i < lx.count; i++) {
      int t = lx.type[i];
      if (t == LPAREN) {
        depth++;
      } else if (t == RPAREN && --depth == 0) {
        return comparisonAhead(i + 1);
      }
    }
    return false;
  }

  private Node primary() {
    if (peek() == LPAREN && !parenthesisedOperandAhead()) {
      pos++;
      Node inner = or();
      expect(RPAREN);
      if (inner instanceof Ast.Group) {
        defer(PARENS, "The expression has redundant parentheses;");
      }
      return new Ast.Group(inner);
    }
    Operand left;
    if (functionAhead() && !lx.isWord(pos, "size") && !isOperandFunction(lx.text(pos))) {
      String function = lx.text(pos);
      pos++;
      Node node = booleanFunction(function);
      if (!comparisonAhead(pos)) {
        return node;
      }
      if (node != BROKEN_NODE) {
        defer(MISUSED_FUNCTION, notAllowed(function));
      }
      left = BROKEN;
    } else {
      left = operand();
    }
    Comparator op =
        switch (peek()) {
          case Lexer.EQ -> Comparator.EQ;
          case Lexer.NE -> Comparator.NE;
          case Lexer.LT -> Comparator.LT;
          case Lexer.LE -> Comparator.LE;
          case Lexer.GT -> Comparator.GT;
          case Lexer.GE -> Comparator.GE;
          default -> null;
        };
    if (op != null) {
      operator();
      pos++;
      Operand right = operand();
      distinct(op.symbol, left, right);
      if (op != Comparator.EQ && op != Comparator.NE) {
        requireOrdered(op.symbol, left);
        requireOrdered(op.symbol, right);
      }
      return new Ast.Compare(op, left, right);
    }
    if (lx.isWord(pos, "BETWEEN")) {
      operator();
      pos++;
      Operand low = operand();
      if (!lx.isWord(pos, "AND")) {
        throw syntax();
      }
      pos++;
      Operand high = operand();
      requireOrdered("BETWEEN", left);
      requireOrdered("BETWEEN", low);
      requireOrdered("BETWEEN", high);
      checkBounds(low, high);
      return new Ast.Between(left, low, high);
    }
    if (lx.isWord(pos, "IN")) {
      operator();
      pos++;
      expect(LPAREN);
      List<Operand> candidates = new ArrayList<>();
      candidates.add(operand());
      while (peek() == COMMA) {
        pos++;
        candidates.add(operand());
      }
      expect(RPAREN);
      if (candidates.size() > MAX_IN_OPERANDS) {
        defer(
            OPERANDS,
            "The IN operator is provided with too many operands; number of operands: "
                + candidates.size());
      }
      return new Ast.In(left, candidates);
    }
    if (left instanceof Ast.SizeOp || left == BROKEN) {
      if (left instanceof Ast.SizeOp) {
        defer(MISUSED_FUNCTION, notAllowed("size"));
      }
      if (peek() == EOF || peek() == RPAREN || lx.isWord(pos, "AND") || lx.isWord(pos, "OR")) {
        return BROKEN_NODE;
      }
    }
    throw syntax();
  }

  private static boolean isOperandFunction(String function) {
    return function.equals("if_not_exists") || function.equals("list_append");
  }

  /** A function used as a condition; {@code pos} is at its opening parenthesis. */
  private Node booleanFunction(String function) {
    switch (function) {
      case "attribute_exists", "attribute_not_exists" -> {
        List<Operand> args = arguments(function, 1);
        return new Ast.AttributeExists(
            requirePath(function, args.get(0)), function.equals("attribute_exists"));
      }
      case "attribute_type" -> {
        List<Operand> args = arguments(function, 2);
        distinct(function, args.get(0), args.get(1));
        Operand type = args.get(1);
        if (type instanceof Ast.ValueOp v) {
          if (v != BROKEN) {
            if (!(v.value() instanceof AttributeValue.S s)) {
              defer(OPERANDS, incorrectOperandType(function, v.value().type()));
            } else if (!ATTRIBUTE_TYPES.contains(s.value())) {
              defer(
                  OPERANDS,
                  "Invalid attribute type name found; type: "
                      + s.value()
                      + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
            }
          }
        } else {
          defer(
              OPERANDS,
              incorrectOperandType(
                  function, type instanceof Ast.SizeOp ? "N" : "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}"));
        }
        return new Ast.AttributeType(args.get(0), type);
      }
      case "begins_with" -> {
        List<Operand> args = arguments(function, 2);
        distinct(function, args.get(0), args.get(1));
        for (Operand a : args) {
          if (a instanceof Ast.SizeOp) {
            defer(OPERANDS, incorrectOperandType(function, "N"));
          } else if (a instanceof Ast.ValueOp v
              && v != BROKEN
              && !(v.value() instanceof AttributeValue.S
                  || v.value() instanceof AttributeValue.B)) {
            defer(OPERANDS, incorrectOperandType(function, v.value().type()));
          }
        }
        return new Ast.BeginsWith(args.get(0), args.get(1));
      }
      case "contains" -> {
        List<Operand> args = arguments(function, 2);
        distinct(function, args.get(0), args.get(1));
        return new Ast.Contains(args.get(0), args.get(1));
      }
      default -> {
        defer(UNKNOWN_FUNCTION, "Invalid function name; function: " + function);
        arguments(function, -1);
        return BROKEN_NODE;
      }
    }
  }

  private void checkBounds(Operand low, Operand high) {
    if (low instanceof Ast.ValueOp lo
        && high instanceof Ast.ValueOp hi
        && lo != BROKEN
        && hi != BROKEN) {
      Optional<Integer> c = Ordering.compare(lo.value(), hi.value());
      String bounds =
          "lower bound operand: AttributeValue: "
              + Values.display(lo.value())
              + ", upper bound operand: AttributeValue: "
              + Values.display(hi.value());
      if (c.isEmpty()) {
        defer(
            OPERANDS,
            "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
      } else if (c.get() > 0) {
        defer(
            OPERANDS,
            "The BETWEEN operator requires upper bound to be greater than or equal to lower bound;"
                + " "
                + bounds);
      }
    }
  }

  /** Refuses an operator or function given the same document path twice ("a = a"). */
  private void distinct(String operator, Operand first, Operand second) {
    if (first instanceof Ast.PathOp a
        && second instanceof Ast.PathOp b
        && a.path().equals(b.path())) {
      defer(
          OPERANDS,
          "The first operand must be distinct from the remaining operands for this operator or"
              + " function; operator: "
              + operator
              + ", first operand: "
              + a.path().display());
    }
  }

  private void requireOrdered(String operator, Operand operand) {
    if (operand instanceof Ast.ValueOp v && v != BROKEN) {
      AttributeValue value = v.value();
      if (!(value instanceof AttributeValue.S
          || value instanceof AttributeValue.N
          || value instanceof AttributeValue.B)) {
        defer(OPERANDS, incorrectOperandType(operator, value.type()));
      }
    }
  }

  private void requireLiteralType(
      String operator, Operand operand, Class<? extends AttributeValue> type) {
    if (operand instanceof Ast.ValueOp v && v != BROKEN && !type.isInstance(v.value())) {
      defer(OPERANDS, incorrectOperandType(operator, v.value().type()));
    }
  }

  private static String incorrectOperandType(String operator, String type) {
    return "Incorrect operand type for operator or function; operator or function: "
        + operator
        + ", operand type: "
        + type;
  }

  private static String notAllowed(String function) {
    return "The function is not allowed to be used this way in an expression; function: "
        + function;
  }

  private static boolean isConditionFunction(String function) {
    return switch (function) {
      case "attribute_exists",
          "attribute_not_exists",
          "attribute_type",
          "begins_with",
          "contains",
          "size" ->
          true;
      default -> false;
    };
  }

  /**
   * A function's parenthesised arguments; {@code expected} operands, or any number when negative. A
   * wrong count is recorded and the list padded so callers can index it.
   */
  private List<Operand> arguments(String function, int expected) {
    operator();
    expect(LPAREN);
    List<Operand> args = new ArrayList<>(Math.max(expected, 2));
    if (peek() != RPAREN) {
      args.add(argument());
      while (peek() == COMMA) {
        pos++;
        args.add(argument());
      }
    }
    expect(RPAREN);
    if (expected >= 0 && args.size() != expected) {
      defer(
          OPERANDS,
          "Incorrect number of operands for operator or function; operator or function: "
              + function
              + ", number of operands: "
              + args.size());
      while (args.size() < expected) {
        args.add(BROKEN);
      }
    }
    return args;
  }

  /** A function argument: in an update, any update operand; in a condition, a plain operand. */
  private Operand argument() {
    return updateMode ? updateOperand() : operand();
  }

  private Path requirePath(String function, Operand operand) {
    if (operand instanceof Ast.PathOp p) {
      return p.path();
    }
    if (operand != BROKEN) {
      defer(
          OPERANDS,
          "Operator or function requires a document path; operator or function: " + function);
    }
    return Path.of("");
  }

  private Ast.ValueOp value() {
    String placeholder = lx.text(pos);
    pos++;
    AttributeValue value = attributes.valueOrNull(placeholder);
    if (value == null) {
      defer(
          updateMode ? UNDEFINED_VALUE : OPERANDS,
          "An expression attribute value used in expression is not defined; attribute value: "
              + placeholder);
      return (Ast.ValueOp) BROKEN;
    }
    return new Ast.ValueOp(placeholder, value);
  }

  /** A condition operand: a path, a value, or {@code size(operand)}, possibly parenthesised. */
  private Operand operand() {
    int t = peek();
    if (t == LPAREN) {
      pos++;
      if (peek() == LPAREN) {
        defer(PARENS, "The expression has redundant parentheses;");
      }
      Operand inner = operand();
      expect(RPAREN);
      return inner;
    }
    if (t == COLON) {
      return value();
    }
    if (functionAhead()) {
      String function = lx.text(pos);
      pos++;
      if (!function.equals("size")) {
        if (isConditionFunction(function)) {
          defer(MISUSED_FUNCTION, notAllowed(function));
        } else if (isOperandFunction(function)) {
          defer(
              MISUSED_FUNCTION,
              "The function is not allowed in a condition expression; function: " + function);
        } else {
          defer(UNKNOWN_FUNCTION, "Invalid function name; function: " + function);
        }
        arguments(function, -1);
        return BROKEN;
      }
      Operand arg = arguments(function, 1).get(0);
      if (arg instanceof Ast.SizeOp) {
        defer(OPERANDS, incorrectOperandType(function, "N"));
      } else if (arg instanceof Ast.ValueOp v
          && v != BROKEN
          && Ast.SizeOp.size(v.value()) == null) {
        defer(OPERANDS, incorrectOperandType(function, v.value().type()));
      }
      return new Ast.SizeOp(arg);
    }
    if (t == NAME || t == HASH) {
      return new Ast.PathOp(path());
    }
    throw syntax();
  }

  // ---------------------------------------------------------------- paths

  Path path() {
    List<Path.Element> elements = new ArrayList<>(2);
    elements.add(new Path.Key(name()));
    while (true) {
      int t = peek();
      if (t == DOT) {
        pos++;
        elements.add(new Path.Key(name()));
      } else if (t == LBRACK) {
        pos++;
        if (peek() != NUMBER) {
          throw syntax();
        }
        int index;
        try {
          index = Integer.parseInt(lx.text(pos));
        } catch (NumberFormatException e) {
          throw syntax();
        }
        pos++;
        expect(RBRACK);
        elements.add(new Path.Index(index));
      } else {
        return new Path(elements);
      }
    }
  }

  private String name() {
    int t = peek();
    if (t == HASH) {
      String placeholder = lx.text(pos);
      pos++;
      String name = attributes.nameOrNull(placeholder);
      if (name == null) {
        defer(
            updateMode ? UNDEFINED_NAME : OPERANDS,
            "An expression attribute name used in the document path is not defined; attribute"
                + " name: "
                + placeholder);
        return placeholder;
      }
      return name;
    }
    if (t == NAME) {
      String name = lx.text(pos);
      if (ReservedWords.isReserved(name)) {
        defer(RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + name);
      }
      pos++;
      return name;
    }
    throw syntax();
  }

  // ---------------------------------------------------------------- projection

  List<Path> projection() {
    List<Path> paths = new ArrayList<>();
    paths.add(path());
    while (peek() == COMMA) {
      pos++;
      paths.add(path());
    }
    if (peek() != EOF) {
      throw syntax();
    }
    flush();
    String overlap = overlaps(paths);
    if (overlap != null) {
      throw error(overlap);
    }
    return paths;
  }

  /**
   * The error for two paths where one is a prefix of the other ("overlap") or that disagree on a
   * level's type ("conflict"), or null.
   */
  static String overlaps(List<Path> paths) {
    for (int i = 0; i < paths.size(); i++) {
      List<Path.Element> a = paths.get(i).elements();
      for (int j = i + 1; j < paths.size(); j++) {
        List<Path.Element> b = paths.get(j).elements();
        int n = Math.min(a.size(), b.size());
        boolean prefix = true;
        for (int k = 0; k < n; k++) {
          Path.Element x = a.get(k);
          Path.Element y = b.get(k);
          if (x.equals(y)) {
            continue;
          }
          prefix = false;
          if (x.getClass() != y.getClass()) {
            return "Two document paths conflict with each other; must remove or rewrite one of"
                + " these paths; path one: "
                + paths.get(i).display()
                + ", path two: "
                + paths.get(j).display();
          }
          break;
        }
        if (prefix) {
          return "Two document paths overlap with each other; must remove or rewrite one of these"
              + " paths; path one: "
              + paths.get(i).display()
              + ", path two: "
              + paths.get(j).display();
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- update

  UpdateExpression update() {
    updateMode = true;
    List<UpdateExpression.Action> sets = new ArrayList<>();
    List<UpdateExpression.Action> removes = new ArrayList<>();
    List<UpdateExpression.Action> adds = new ArrayList<>();
    List<UpdateExpression.Action> deletes = new ArrayList<>();
    boolean seenSet = false;
    boolean seenRemove = false;
    boolean seenAdd = false;
    boolean seenDelete = false;
    if (peek() == EOF) {
      throw syntax();
    }
    while (peek() != EOF) {
      if (lx.isWord(pos, "SET")) {
        seenSet = once(seenSet, "SET");
        do {
          pos++;
          Path path = path();
          expect(Lexer.EQ);
          sets.add(new UpdateExpression.Action(UpdateExpression.SET, path, setValue()));
        } while (peek() == COMMA);
      } else if (lx.isWord(pos, "REMOVE")) {
        seenRemove = once(seenRemove, "REMOVE");
        do {
          pos++;
          removes.add(new UpdateExpression.Action(UpdateExpression.REMOVE, path(), null));
        } while (peek() == COMMA);
      } else if (lx.isWord(pos, "ADD")) {
        seenAdd = once(seenAdd, "ADD");
        setActions(UpdateExpression.ADD, "ADD", true, adds);
      } else if (lx.isWord(pos, "DELETE")) {
        seenDelete = once(seenDelete, "DELETE");
        setActions(UpdateExpression.DELETE, "DELETE", false, deletes);
      } else {
        throw syntax();
      }
    }
    List<UpdateExpression.Action> actions = new ArrayList<>();
    actions.addAll(sets);
    actions.addAll(removes);
    actions.addAll(adds);
    actions.addAll(deletes);
    List<Path> paths = new ArrayList<>(actions.size());
    for (UpdateExpression.Action a : actions) {
      paths.add(a.path());
    }
    String overlap = overlaps(paths);
    if (overlap != null) {
      defer(OVERLAP, overlap);
    }
    flush();
    return new UpdateExpression(actions, paths);
  }

  /**
   * The comma-separated {@code path :value} actions of an ADD or DELETE clause. Both take a set
   * operand of the attribute's type; ADD also takes a number (Developer Guide, "Update
   * expressions": ADD and DELETE).
   */
  private void setActions(
      int kind, String clause, boolean numbersToo, List<UpdateExpression.Action> actions) {
    do {
      pos++;
      Path path = path();
      Ast.ValueOp value = literal();
      AttributeValue v = value.value();
      boolean allowed =
          v instanceof AttributeValue.SS
              || v instanceof AttributeValue.NS
              || v instanceof AttributeValue.BS
              || numbersToo && v instanceof AttributeValue.N;
      if (value != BROKEN && !allowed) {
        defer(
            OPERAND_TYPE,
            "Incorrect operand type for operator or function; operator: "
                + clause
                + ", operand type: "
                + Values.longTypeName(v));
      }
      actions.add(new UpdateExpression.Action(kind, path, value));
    } while (peek() == COMMA);
  }

  private boolean once(boolean seen, String clause) {
    if (seen) {
      defer(
          SECTION, "The \"" + clause + "\" section can only be used once in an update expression;");
    }
    return true;
  }

  private Ast.ValueOp literal() {
    if (peek() != COLON) {
      throw syntax();
    }
    return value();
  }

  /** True if the parenthesis at {@code pos} closes before + or -. */
  private boolean parenthesisedOperandBeforeArithmetic() {
    int depth = 0;
    for (int i = pos; i < lx.count; i++) {
      int t = lx.type[i];
      if (t == LPAREN) {
        depth++;
      } else if (t == RPAREN && --depth == 0) {
        return lx.type[i + 1] == PLUS || lx.type[i + 1] == MINUS;
      }
    }
    return false;
  }

  /** The right-hand side of SET: an operand, or two joined by + or -, possibly parenthesised. */
  private Operand setValue() {
    if (peek() == LPAREN && !parenthesisedOperandBeforeArithmetic()) {
      pos++;
      Operand inner = setValue();
      expect(RPAREN);
      return inner;
    }
    Operand left = updateOperand();
    int t = peek();
    if (t == PLUS || t == MINUS) {
      operator();
      pos++;
      Operand right = updateOperand();
      String operator = t == PLUS ? "+" : "-";
      requireLiteralType(operator, left, AttributeValue.N.class);
      requireLiteralType(operator, right, AttributeValue.N.class);
      return new Ast.Arithmetic(t == PLUS, left, right);
    }
    return left;
  }

  private Operand updateOperand() {
    int t = peek();
    if (t == LPAREN) {
      pos++;
      Operand inner = updateOperand();
      expect(RPAREN);
      return inner;
    }
    if (t == COLON) {
      return value();
    }
    if (functionAhead()) {
      String function = lx.text(pos);
      pos++;
      if (function.equals("if_not_exists")) {
        List<Operand> args = arguments(function, 2);
        return new Ast.IfNotExists(requirePath(function, args.get(0)), args.get(1));
      }
      if (function.equals("list_append")) {
        List<Operand> args = arguments(function, 2);
        for (Operand a : args) {
          if (a instanceof Ast.ListAppend) {
            defer(MISUSED_FUNCTION, notAllowed(function));
          }
          requireLiteralType(function, a, AttributeValue.L.class);
        }
        return new Ast.ListAppend(args.get(0), args.get(1));
      }
      if (isConditionFunction(function)) {
        defer(
            MISUSED_FUNCTION,
            "The function is not allowed in an update expression; function: " + function);
      } else {
        defer(UNKNOWN_FUNCTION, "Invalid function name; function: " + function);
      }
      arguments(function, -1);
      return BROKEN;
    }
    if (t == NAME || t == HASH) {
      return new Ast.PathOp(path());
    }
    throw syntax();
  }
}
