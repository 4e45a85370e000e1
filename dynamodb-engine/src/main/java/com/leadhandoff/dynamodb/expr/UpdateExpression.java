package com.leadhandoff.dynamodb.expr;

import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.expr.Ast.Operand;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.Bytes;
import com.leadhandoff.dynamodb.model.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed update expression (Developer Guide, "Using update expressions in DynamoDB"). Every
 * right-hand side is evaluated against the item as it was before the update; then SET actions
 * apply, then REMOVE (list indexes highest first, so indexes name the original elements), then ADD,
 * then DELETE. The paths of one update never overlap (checked at parse).
 */
final class UpdateExpression implements Expressions.Update {
  static final int SET = 0;
  static final int REMOVE = 1;
  static final int ADD = 2;
  static final int DELETE = 3;

  record Action(int type, Path path, Operand operand) {}

  private final Action[] actions;
  private final List<Path> paths;

  UpdateExpression(List<Action> actions, List<Path> paths) {
    Action[] sorted = actions.toArray(new Action[0]);
    // Stable: keeps SET < REMOVE < ADD < DELETE grouping; orders REMOVEs highest index first.
    Arrays.sort(sorted, UpdateExpression::compareActions);
    this.actions = sorted;
    this.paths = List.copyOf(paths);
  }

  private static int compareActions(Action a, Action b) {
    if (a.type != b.type) {
      return Integer.compare(a.type, b.type);
    }
    if (a.type == SET) {
      // Several SETs past the end of one list append in element-number order.
      return PATH_ORDER.compare(a.path, b.path);
    }
    if (a.type == REMOVE) {
      return PATH_ORDER.compare(b.path, a.path);
    }
    return 0;
  }

  /** A total order on paths in which indexes of one list come in ascending order. */
  private static final Comparator<Path> PATH_ORDER =
      (p, q) -> {
        List<Path.Element> a = p.elements();
        List<Path.Element> b = q.elements();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          Path.Element x = a.get(i);
          Path.Element y = b.get(i);
          if (x instanceof Path.Index xi && y instanceof Path.Index yi) {
            if (xi.index() != yi.index()) {
              return Integer.compare(xi.index(), yi.index());
            }
          } else if (x instanceof Path.Key xk && y instanceof Path.Key yk) {
            int c = xk.name().compareTo(yk.name());
            if (c != 0) {
              return c;
            }
          } else {
            return x instanceof Path.Key ? -1 : 1;
          }
        }
        return Integer.compare(a.size(), b.size());
      };

  @Override
  public List<Path> paths() {
    return paths;
  }

  @Override
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
    AttributeValue[] values = new AttributeValue[actions.length];
    for (int i = 0; i < actions.length; i++) {
      Action a = actions[i];
      if (a.operand != null) {
        values[i] = a.type == SET ? evaluate(a.operand, item) : a.operand.eval(item);
      }
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>(item);
    for (int i = 0; i < actions.length; i++) {
      Action a = actions[i];
      switch (a.type) {
        case SET -> setAt(out, a.path, values[i]);
        case REMOVE -> {
          if (!item.isEmpty()) {
            removeAt(out, a.path);
          }
        }
        case ADD -> setAt(out, a.path, add(a.path.resolve(out), values[i]));
        default -> {
          AttributeValue current = a.path.resolve(out);
          if (current != null) {
            AttributeValue rest = delete(current, values[i]);
            if (rest == null) {
              removeAt(out, a.path);
            } else {
              setAt(out, a.path, rest);
            }
          }
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------ operand evaluation

  private static AttributeValue evaluate(Operand operand, Map<String, AttributeValue> item) {
    if (operand instanceof Ast.ValueOp v) {
      return v.value();
    }
    if (operand instanceof Ast.PathOp p) {
      AttributeValue v = p.path().resolve(item);
      if (v == null) {
        throw DynamoDbException.validation(
            "The provided expression refers to an attribute that does not exist in the item");
      }
      return v;
    }
    if (operand instanceof Ast.IfNotExists f) {
      AttributeValue v = f.path().resolve(item);
      return v != null ? v : evaluate(f.fallback(), item);
    }
    if (operand instanceof Ast.ListAppend f) {
      AttributeValue a = evaluate(f.first(), item);
      AttributeValue b = evaluate(f.second(), item);
      if (a instanceof AttributeValue.L la && b instanceof AttributeValue.L lb) {
        List<AttributeValue> joined = new ArrayList<>(la.value().size() + lb.value().size());
        joined.addAll(la.value());
        joined.addAll(lb.value());
        return new AttributeValue.L(joined);
      }
      throw incorrectType();
    }
    if (operand instanceof Ast.Arithmetic f) {
      AttributeValue a = evaluate(f.left(), item);
      AttributeValue b = evaluate(f.right(), item);
      if (a instanceof AttributeValue.N na && b instanceof AttributeValue.N nb) {
        BigDecimal r = f.plus() ? na.value().add(nb.value()) : na.value().subtract(nb.value());
        return new AttributeValue.N(Numbers.check(r));
      }
      throw incorrectType();
    }
    AttributeValue v = operand.eval(item);
    if (v == null) {
      throw DynamoDbException.validation(
          "The provided expression refers to an attribute that does not exist in the item");
    }
    return v;
  }

  private static DynamoDbException incorrectType() {
    return DynamoDbException.validation(
        "An operand in the update expression has an incorrect data type");
  }

  private static DynamoDbException invalidPath() {
    return DynamoDbException.validation(
        "The document path provided in the update expression is invalid for update");
  }

  // ------------------------------------------------------------ ADD / DELETE

  private static AttributeValue add(AttributeValue current, AttributeValue value) {
    if (current == null) {
      return value;
    }
    if (current instanceof AttributeValue.N a && value instanceof AttributeValue.N b) {
      return new AttributeValue.N(Numbers.check(a.value().add(b.value())));
    }
    if (current instanceof AttributeValue.SS a && value instanceof AttributeValue.SS b) {
      Set<String> u = new LinkedHashSet<>(a.value());
      u.addAll(b.value());
      return new AttributeValue.SS(u);
    }
    if (current instanceof AttributeValue.NS a && value instanceof AttributeValue.NS b) {
      Set<BigDecimal> u = new LinkedHashSet<>(a.value());
      u.addAll(b.value());
      return new AttributeValue.NS(u);
    }
    if (current instanceof AttributeValue.BS a && value instanceof AttributeValue.BS b) {
      Set<Bytes> u = new LinkedHashSet<>(a.value());
      u.addAll(b.value());
      return new AttributeValue.BS(u);
    }
    throw incorrectType();
  }

  /** The set left after removing {@code value}'s members, or null when none are left. */
  private static AttributeValue delete(AttributeValue current, AttributeValue value) {
    if (current instanceof AttributeValue.SS a && value instanceof AttributeValue.SS b) {
      Set<String> d = new LinkedHashSet<>(a.value());
      d.removeAll(b.value());
      return d.isEmpty() ? null : new AttributeValue.SS(d);
    }
    if (current instanceof AttributeValue.NS a && value instanceof AttributeValue.NS b) {
      Set<BigDecimal> d = new LinkedHashSet<>(a.value());
      d.removeAll(b.value());
      return d.isEmpty() ? null : new AttributeValue.NS(d);
    }
    if (current instanceof AttributeValue.BS a && value instanceof AttributeValue.BS b) {
      Set<Bytes> d = new LinkedHashSet<>(a.value());
      d.removeAll(b.value());
      return d.isEmpty() ? null : new AttributeValue.BS(d);
    }
    throw incorrectType();
  }

  // ------------------------------------------------------------ structural edits

  private static void setAt(Map<String, AttributeValue> out, Path path, AttributeValue value) {
    List<Path.Element> es = path.elements();
    String top = path.attribute();
    if (es.size() == 1) {
      out.put(top, value);
      return;
    }
    AttributeValue root = out.get(top);
    if (root == null) {
      throw invalidPath();
    }
    out.put(top, setIn(root, es, 1, value));
  }

  private static AttributeValue setIn(
      AttributeValue container, List<Path.Element> es, int i, AttributeValue value) {
    Path.Element e = es.get(i);
    boolean last = i == es.size() - 1;
    if (e instanceof Path.Key k) {
      if (!(container instanceof AttributeValue.M m)) {
        throw invalidPath();
      }
      Map<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
      if (last) {
        copy.put(k.name(), value);
      } else {
        AttributeValue child = m.value().get(k.name());
        if (child == null) {
          throw invalidPath();
        }
        copy.put(k.name(), setIn(child, es, i + 1, value));
      }
      return new AttributeValue.M(copy);
    }
    int index = ((Path.Index) e).index();
    if (!(container instanceof AttributeValue.L l)) {
      throw invalidPath();
    }
    List<AttributeValue> copy = new ArrayList<>(l.value());
    if (last) {
      if (index < copy.size()) {
        copy.set(index, value);
      } else {
        copy.add(value);
      }
    } else {
      if (index >= copy.size()) {
        throw invalidPath();
      }
      copy.set(index, setIn(copy.get(index), es, i + 1, value));
    }
    return new AttributeValue.L(copy);
  }

  private static void removeAt(Map<String, AttributeValue> out, Path path) {
    List<Path.Element> es = path.elements();
    String top = path.attribute();
    if (es.size() == 1) {
      out.remove(top);
      return;
    }
    AttributeValue root = out.get(top);
    if (root == null) {
      throw invalidPath();
    }
    out.put(top, removeIn(root, es, 1));
  }

  private static AttributeValue removeIn(AttributeValue container, List<Path.Element> es, int i) {
    Path.Element e = es.get(i);
    boolean last = i == es.size() - 1;
    if (e instanceof Path.Key k) {
      if (!(container instanceof AttributeValue.M m)) {
        throw invalidPath();
      }
      AttributeValue child = m.value().get(k.name());
      if (child == null) {
        if (last) {
          return container;
        }
        throw invalidPath();
      }
      Map<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
      if (last) {
        copy.remove(k.name());
      } else {
        copy.put(k.name(), removeIn(child, es, i + 1));
      }
      return new AttributeValue.M(copy);
    }
    int index = ((Path.Index) e).index();
    if (!(container instanceof AttributeValue.L l)) {
      throw invalidPath();
    }
    if (index >= l.value().size()) {
      if (last) {
        return container;
      }
      throw invalidPath();
    }
    List<AttributeValue> copy = new ArrayList<>(l.value());
    if (last) {
      copy.remove(index);
    } else {
      copy.set(index, removeIn(copy.get(index), es, i + 1));
    }
    return new AttributeValue.L(copy);
  }
}
