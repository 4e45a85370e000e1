package com.leadhandoff.dynamodb.expr;

import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.Ordering;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed forms of condition expressions and operands (Developer Guide, "Comparison operator and
 * function reference"), each evaluating itself against an item without copying it.
 */
final class Ast {
  private Ast() {}

  /** An operand: a value, a document path, or a function of them. */
  interface Operand {
    /** The operand's value for {@code item}, or null when it has none (a missing attribute). */
    AttributeValue eval(Map<String, AttributeValue> item);
  }

  record PathOp(Path path) implements Operand {
    public AttributeValue eval(Map<String, AttributeValue> item) {
      return path.resolve(item);
    }
  }

  record ValueOp(String placeholder, AttributeValue value) implements Operand {
    public AttributeValue eval(Map<String, AttributeValue> item) {
      return value;
    }
  }

  /** {@code size(operand)}: null when the operand is missing or of a type without a size. */
  record SizeOp(Operand arg) implements Operand {
    public AttributeValue eval(Map<String, AttributeValue> item) {
      return size(arg.eval(item));
    }

    static AttributeValue size(AttributeValue v) {
      int n;
      if (v instanceof AttributeValue.S s) {
        n = s.value().length(); // UTF-16 code units, as DynamoDB counts: size("é𝄞") is 3
      } else if (v instanceof AttributeValue.B b) {
        n = b.value().length();
      } else if (v instanceof AttributeValue.SS ss) {
        n = ss.value().size();
      } else if (v instanceof AttributeValue.NS ns) {
        n = ns.value().size();
      } else if (v instanceof AttributeValue.BS bs) {
        n = bs.value().size();
      } else if (v instanceof AttributeValue.L l) {
        n = l.value().size();
      } else if (v instanceof AttributeValue.M m) {
        n = m.value().size();
      } else {
        return null;
      }
      return new AttributeValue.N(BigDecimal.valueOf(n));
    }
  }

  /** Update-only: {@code if_not_exists(path, operand)}. */
  record IfNotExists(Path path, Operand fallback) implements Operand {
    public AttributeValue eval(Map<String, AttributeValue> item) {
      AttributeValue v = path.resolve(item);
      return v != null ? v : fallback.eval(item);
    }
  }

  /** Update-only: {@code list_append(a, b)}; evaluated by {@link UpdateExpression}. */
  record ListAppend(Operand first, Operand second) implements Operand {
    public AttributeValue eval(Map<String, AttributeValue> item) {
      throw new UnsupportedOperationException("evaluated by UpdateExpression");
    }
  }

  /** Update-only: {@code a + b} or {@code a - b}; evaluated by {@link UpdateExpression}. */
  record Arithmetic(boolean plus, Operand left, Operand right) implements Operand {
    public AttributeValue eval(Map<String, AttributeValue> item) {
      throw new UnsupportedOperationException("evaluated by UpdateExpression");
    }
  }

  /** A condition node. */
  interface Node extends Expressions.Condition {}

  record And(Node left, Node right) implements Node {
    public boolean test(Map<String, AttributeValue> item) {
      return left.test(item) && right.test(item);
    }
  }

  record Or(Node left, Node right) implements Node {
    public boolean test(Map<String, AttributeValue> item) {
      return left.test(item) || right.test(item);
    }
  }

  record Not(Node inner) implements Node {
    public boolean test(Map<String, AttributeValue> item) {
      return !inner.test(item);
    }
  }

  /** A parenthesised condition, kept so key conditions can tell structure; tests as its inner. */
  record Group(Node inner) implements Node {
    public boolean test(Map<String, AttributeValue> item) {
      return inner.test(item);
    }
  }

  enum Comparator {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    final String symbol;

    Comparator(String symbol) {
      this.symbol = symbol;
    }
  }

  record Compare(Comparator op, Operand left, Operand right) implements Node {
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue a = left.eval(item);
      AttributeValue b = right.eval(item);
      if (op == Comparator.NE) {
        return a == null || b == null || !a.equals(b);
      }
      if (a == null || b == null) {
        return false;
      }
      if (op == Comparator.EQ) {
        return a.equals(b);
      }
      Optional<Integer> c = Ordering.compare(a, b);
      if (c.isEmpty()) {
        return false;
      }
      int r = c.get();
      return switch (op) {
        case LT -> r < 0;
        case LE -> r <= 0;
        case GT -> r > 0;
        case GE -> r >= 0;
        default -> false;
      };
    }
  }

  record Between(Operand value, Operand low, Operand high) implements Node {
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = value.eval(item);
      AttributeValue lo = low.eval(item);
      AttributeValue hi = high.eval(item);
      if (v == null || lo == null || hi == null) {
        return false;
      }
      Optional<Integer> a = Ordering.compare(v, lo);
      Optional<Integer> b = Ordering.compare(v, hi);
      return a.isPresent() && b.isPresent() && a.get() >= 0 && b.get() <= 0;
    }
  }

  record In(Operand value, List<Operand> candidates) implements Node {
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = value.eval(item);
      if (v == null) {
        return false;
      }
      for (Operand c : candidates) {
        if (v.equals(c.eval(item))) {
          return true;
        }
      }
      return false;
    }
  }

  record AttributeExists(Path path, boolean exists) implements Node {
    public boolean test(Map<String, AttributeValue> item) {
      return (path.resolve(item) != null) == exists;
    }
  }

  record AttributeType(Operand subject, Operand type) implements Node {
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = subject.eval(item);
      AttributeValue t = type.eval(item);
      return v != null && t instanceof AttributeValue.S s && v.type().equals(s.value());
    }
  }

  record BeginsWith(Operand subject, Operand prefix) implements Node {
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = subject.eval(item);
      AttributeValue p = prefix.eval(item);
      if (v instanceof AttributeValue.S s && p instanceof AttributeValue.S ps) {
        return s.value().startsWith(ps.value());
      }
      if (v instanceof AttributeValue.B b && p instanceof AttributeValue.B pb) {
        return b.value().startsWith(pb.value());
      }
      return false;
    }
  }

  record Contains(Operand subject, Operand operand) implements Node {
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = subject.eval(item);
      AttributeValue o = operand.eval(item);
      if (v == null || o == null) {
        return false;
      }
      if (v instanceof AttributeValue.S s) {
        return o instanceof AttributeValue.S os && s.value().contains(os.value());
      }
      if (v instanceof AttributeValue.B b) {
        return o instanceof AttributeValue.B ob && b.value().indexOf(ob.value()) >= 0;
      }
      if (v instanceof AttributeValue.SS ss) {
        return o instanceof AttributeValue.S os && ss.value().contains(os.value());
      }
      if (v instanceof AttributeValue.NS ns) {
        return o instanceof AttributeValue.N on && ns.value().contains(on.value());
      }
      if (v instanceof AttributeValue.BS bs) {
        return o instanceof AttributeValue.B ob && bs.value().contains(ob.value());
      }
      if (v instanceof AttributeValue.L l) {
        for (AttributeValue e : l.value()) {
          if (e.equals(o)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
