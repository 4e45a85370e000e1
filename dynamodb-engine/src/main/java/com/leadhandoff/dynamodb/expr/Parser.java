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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for the expression languages. Precedence, tightest first: comparators,
 * BETWEEN and IN; NOT; AND; OR (Developer Guide, "Comparison operator and function reference",
 * Precedence in conditions).
 */
final class Parser {
  static final int MAX_IN_OPERANDS = 100;
  static final int MAX_EXPRESSION_BYTES = 4096;
  static final Set<String> ATTRIBUTE_TYPES =
      Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

  private final Lexer lx;
  private final String kind;
  private final ExpressionAttributes attributes;
  private int pos;

  Parser(String text, String kind, ExpressionAttributes attributes) {
    this.kind = kind;
    this.attributes = attributes == null ? ExpressionAttributes.none() : attributes;
    if (text == null || text.isBlank()) {
      throw error(kind, "The expression can not be empty;");
    }
    if (text.length() > MAX_EXPRESSION_BYTES / 3
        && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_EXPRESSION_BYTES) {
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

  private boolean functionAhead() {
    return lx.type[pos] == NAME && lx.type[pos + 1] == LPAREN;
  }

  // ---------------------------------------------------------------- conditions

  Node condition() {
    Node node = or();
    if (peek() != EOF) {
      throw syntax();
    }
    return node;
  }

  private Node or() {
    Node left = and();
    while (lx.isWord(pos, "OR")) {
      pos++;
      left = new Ast.Or(left, and());
    }
    return left;
  }

  private Node and() {
    Node left = not();
    while (lx.isWord(pos, "AND")) {
      pos++;
      left = new Ast.And(left, not());
    }
    return left;
  }

  private Node not() {
    if (lx.isWord(pos, "NOT")) {
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
        int next = lx.type[i + 1];
        return next >= Lexer.EQ && next <= Lexer.GE
            || lx.isWord(i + 1, "BETWEEN")
            || lx.isWord(i + 1, "IN");
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
        throw error("The expression has redundant parentheses;");
      }
      return new Ast.Group(inner);
    }
    Operand left;
    if (functionAhead()) {
      String function = lx.text(pos);
      switch (function) {
        case "attribute_exists", "attribute_not_exists" -> {
          pos++;
          List<Operand> args = arguments(function, 1);
          notCompared(function);
          return new Ast.AttributeExists(
              requirePath(function, args.get(0)), function.equals("attribute_exists"));
        }
        case "attribute_type" -> {
          pos++;
          List<Operand> args = arguments(function, 2);
          notCompared(function);
          distinct(function, args.get(0), args.get(1));
          Operand type = args.get(1);
          if (!(type instanceof Ast.ValueOp)) {
            throw error(
                "Incorrect operand type for operator or function; operator or function: "
                    + function
                    + ", operand type: "
                    + (type instanceof Ast.SizeOp ? "N" : "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}"));
          }
          if (type instanceof Ast.ValueOp v) {
            if (!(v.value() instanceof AttributeValue.S s)) {
              throw incorrectOperandType(function, v.value());
            }
            if (!ATTRIBUTE_TYPES.contains(s.value())) {
              throw error(
                  "Invalid attribute type name found; type: "
                      + s.value()
                      + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
            }
          }
          return new Ast.AttributeType(args.get(0), type);
        }
        case "begins_with" -> {
          pos++;
          List<Operand> args = arguments(function, 2);
          notCompared(function);
          distinct(function, args.get(0), args.get(1));
          for (Operand a : args) {
            if (a instanceof Ast.SizeOp) {
              throw error(
                  "Incorrect operand type for operator or function; operator or function: "
                      + function
                      + ", operand type: N");
            }
            if (a instanceof Ast.ValueOp v
                && !(v.value() instanceof AttributeValue.S
                    || v.value() instanceof AttributeValue.B)) {
              throw incorrectOperandType(function, v.value());
            }
          }
          return new Ast.BeginsWith(args.get(0), args.get(1));
        }
        case "contains" -> {
          pos++;
          List<Operand> args = arguments(function, 2);
          notCompared(function);
          distinct(function, args.get(0), args.get(1));
          return new Ast.Contains(args.get(0), args.get(1));
        }
        case "size" -> left = operand();
        default -> throw unknownFunction(function, true);
      }
    } else {
      left = operand();
    }
    int t = peek();
    Comparator op =
        switch (t) {
          case Lexer.EQ -> Comparator.EQ;
          case Lexer.NE -> Comparator.NE;
          case Lexer.LT -> Comparator.LT;
          case Lexer.LE -> Comparator.LE;
          case Lexer.GT -> Comparator.GT;
          case Lexer.GE -> Comparator.GE;
          default -> null;
        };
    if (op != null) {
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
      if (low instanceof Ast.ValueOp lo && high instanceof Ast.ValueOp hi) {
        Optional<Integer> c = Ordering.compare(lo.value(), hi.value());
        String bounds =
            "lower bound operand: AttributeValue: "
                + Values.display(lo.value())
                + ", upper bound operand: AttributeValue: "
                + Values.display(hi.value());
        if (c.isEmpty()) {
          throw error(
              "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        }
        if (c.get() > 0) {
          throw error(
              "The BETWEEN operator requires upper bound to be greater than or equal to lower"
                  + " bound; "
                  + bounds);
        }
      }
      return new Ast.Between(left, low, high);
    }
    if (lx.isWord(pos, "IN")) {
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
        throw error(
            "The IN operator is provided with too many operands; number of operands: "
                + candidates.size());
      }
      return new Ast.In(left, candidates);
    }
    if (left instanceof Ast.SizeOp) {
      throw error(
          "The function is not allowed to be used this way in an expression; function: size");
    }
    throw syntax();
  }

  /** Refuses an operator or function given the same document path twice ("a = a"). */
  private void distinct(String operator, Operand first, Operand second) {
    if (first instanceof Ast.PathOp a
        && second instanceof Ast.PathOp b
        && a.path().equals(b.path())) {
      throw error(
          "The first operand must be distinct from the remaining operands for this operator or"
              + " function; operator: "
              + operator
              + ", first operand: "
              + a.path().display());
    }
  }

  /** A Boolean function's result cannot be compared ("attribute_exists(a) < :v"). */
  private void notCompared(String function) {
    int t = peek();
    if (t >= Lexer.EQ && t <= Lexer.GE || lx.isWord(pos, "BETWEEN") || lx.isWord(pos, "IN")) {
      throw error(
          "The function is not allowed to be used this way in an expression; function: "
              + function);
    }
  }

  private void requireOrdered(String operator, Operand operand) {
    if (operand instanceof Ast.ValueOp v) {
      AttributeValue value = v.value();
      if (!(value instanceof AttributeValue.S
          || value instanceof AttributeValue.N
          || value instanceof AttributeValue.B)) {
        throw incorrectOperandType(operator, value);
      }
    }
  }

  private void requireLiteralType(
      String operator, Operand operand, Class<? extends AttributeValue> type) {
    if (operand instanceof Ast.ValueOp v && !type.isInstance(v.value())) {
      throw incorrectOperandType(operator, v.value());
    }
  }

  private DynamoDbException incorrectOperandType(String operator, AttributeValue value) {
    return error(
        "Incorrect operand type for operator or function; operator or function: "
            + operator
            + ", operand type: "
            + value.type());
  }

  private DynamoDbException unknownFunction(String function, boolean inCondition) {
    boolean condition =
        switch (function) {
          case "attribute_exists",
              "attribute_not_exists",
              "attribute_type",
              "begins_with",
              "contains",
              "size" ->
              true;
          default -> false;
        };
    boolean update = function.equals("if_not_exists") || function.equals("list_append");
    if (inCondition && update) {
      return error(
          "The function is not allowed to be used this way in an expression; function: "
              + function);
    }
    if (!inCondition && condition) {
      return error(
          "The function is not allowed to be used this way in an expression; function: "
              + function);
    }
    return error("Invalid function name; function: " + function);
  }

  private List<Operand> arguments(String function, int expected) {
    expect(LPAREN);
    List<Operand> args = new ArrayList<>(expected);
    if (peek() != RPAREN) {
      args.add(argument());
      while (peek() == COMMA) {
        pos++;
        args.add(argument());
      }
    }
    expect(RPAREN);
    if (args.size() != expected) {
      throw error(
          "Incorrect number of operands for operator or function; operator or function: "
              + function
              + ", number of operands: "
              + args.size());
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
    throw error("Operator or function requires a document path; operator or function: " + function);
  }

  /** A condition operand: a path, a value, or {@code size(path)}. */
  private Operand operand() {
    int t = peek();
    if (t == LPAREN) {
      pos++;
      if (peek() == LPAREN) {
        throw error("The expression has redundant parentheses;");
      }
      Operand inner = operand();
      expect(RPAREN);
      return inner;
    }
    if (t == COLON) {
      String placeholder = lx.text(pos);
      pos++;
      return new Ast.ValueOp(placeholder, attributes.value(placeholder, kind));
    }
    if (functionAhead()) {
      String function = lx.text(pos);
      if (!function.equals("size")) {
        throw switch (function) {
          case "attribute_exists",
              "attribute_not_exists",
              "attribute_type",
              "begins_with",
              "contains" ->
              error(
                  "The function is not allowed to be used this way in an expression; function: "
                      + function);
          default -> unknownFunction(function, true);
        };
      }
      pos++;
      Operand arg = arguments(function, 1).get(0);
      if (arg instanceof Ast.SizeOp) {
        throw error(
            "Incorrect operand type for operator or function; operator or function: size,"
                + " operand type: N");
      }
      if (arg instanceof Ast.ValueOp v && Ast.SizeOp.size(v.value()) == null) {
        throw incorrectOperandType(function, v.value());
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
      return attributes.name(placeholder, kind);
    }
    if (t == NAME) {
      String name = lx.text(pos);
      if (ReservedWords.isReserved(name)) {
        throw error("Attribute name is a reserved keyword; reserved keyword: " + name);
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
    checkOverlaps(paths);
    return paths;
  }

  /** Refuses two paths where one is a prefix of the other, or that disagree on a level's type. */
  void checkOverlaps(List<Path> paths) {
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
            throw error(
                "Two document paths conflict with each other; must remove or rewrite one of these"
                    + " paths; path one: "
                    + paths.get(i).display()
                    + ", path two: "
                    + paths.get(j).display());
          }
          break;
        }
        if (prefix) {
          throw error(
              "Two document paths overlap with each other; must remove or rewrite one of these"
                  + " paths; path one: "
                  + paths.get(i).display()
                  + ", path two: "
                  + paths.get(j).display());
        }
      }
    }
  }

  // ---------------------------------------------------------------- update

  private boolean updateMode;

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
        do {
          pos++;
          Path path = path();
          Ast.ValueOp value = literal();
          AttributeValue v = value.value();
          if (!(v instanceof AttributeValue.N
              || v instanceof AttributeValue.SS
              || v instanceof AttributeValue.NS
              || v instanceof AttributeValue.BS)) {
            throw error(
                "Incorrect operand type for operator or function; operator: ADD, operand type: "
                    + Values.longTypeName(v));
          }
          adds.add(new UpdateExpression.Action(UpdateExpression.ADD, path, value));
        } while (peek() == COMMA);
      } else if (lx.isWord(pos, "DELETE")) {
        seenDelete = once(seenDelete, "DELETE");
        do {
          pos++;
          Path path = path();
          Ast.ValueOp value = literal();
          AttributeValue v = value.value();
          if (!(v instanceof AttributeValue.SS
              || v instanceof AttributeValue.NS
              || v instanceof AttributeValue.BS)) {
            throw error(
                "Incorrect operand type for operator or function; operator: DELETE, operand type: "
                    + Values.longTypeName(v));
          }
          deletes.add(new UpdateExpression.Action(UpdateExpression.DELETE, path, value));
        } while (peek() == COMMA);
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
    checkOverlaps(paths);
    return new UpdateExpression(actions, paths);
  }

  private boolean once(boolean seen, String clause) {
    if (seen) {
      throw error("The \"" + clause + "\" section can only be used once in an update expression;");
    }
    return true;
  }

  private Ast.ValueOp literal() {
    if (peek() != COLON) {
      throw syntax();
    }
    String placeholder = lx.text(pos);
    pos++;
    return new Ast.ValueOp(placeholder, attributes.value(placeholder, kind));
  }

  /** The right-hand side of SET: an operand, or two joined by + or -. */
  private Operand setValue() {
    Operand left = updateOperand();
    int t = peek();
    if (t == PLUS || t == MINUS) {
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
    if (t == COLON) {
      String placeholder = lx.text(pos);
      pos++;
      return new Ast.ValueOp(placeholder, attributes.value(placeholder, kind));
    }
    if (functionAhead()) {
      String function = lx.text(pos);
      if (function.equals("if_not_exists")) {
        pos++;
        List<Operand> args = arguments(function, 2);
        return new Ast.IfNotExists(requirePath(function, args.get(0)), args.get(1));
      }
      if (function.equals("list_append")) {
        pos++;
        List<Operand> args = arguments(function, 2);
        for (Operand a : args) {
          if (a instanceof Ast.ListAppend) {
            throw error(
                "The function is not allowed to be used this way in an expression; function: "
                    + function);
          }
          requireLiteralType(function, a, AttributeValue.L.class);
        }
        return new Ast.ListAppend(args.get(0), args.get(1));
      }
      throw unknownFunction(function, false);
    }
    if (t == NAME || t == HASH) {
      return new Ast.PathOp(path());
    }
    throw syntax();
  }
}
