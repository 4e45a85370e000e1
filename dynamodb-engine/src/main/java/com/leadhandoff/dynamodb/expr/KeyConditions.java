package com.leadhandoff.dynamodb.expr;

import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.expr.Ast.Node;
import com.leadhandoff.dynamodb.expr.Ast.Operand;
import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a parsed condition into a {@link KeyCondition}, refusing what a KeyConditionExpression may
 * not contain (Developer Guide, "Key condition expressions for query"): only {@code =} on the
 * partition key, and at most one of {@code = < <= > >= BETWEEN begins_with} on the sort key, joined
 * by AND. Whether the values' types match the key's declared types is the caller's check (it knows
 * the attribute definitions).
 */
final class KeyConditions {
  static final String KIND = "KeyConditionExpression";

  private KeyConditions() {}

  static KeyCondition parse(
      String text, ExpressionAttributes attributes, String partitionKey, Optional<String> sortKey) {
    Node root = new Parser(text, KIND, attributes).condition();
    List<Node> conditions = new ArrayList<>(2);
    flatten(root, conditions);
    AttributeValue partitionValue = null;
    KeyCondition.SortCondition sort = null;
    List<String> seen = new ArrayList<>(2);
    String unknown = null;
    List<Object[]> parsed = new ArrayList<>(conditions.size());
    for (Node c : conditions) {
      parsed.add(simple(c));
    }
    for (Object[] p : parsed) {
      String attribute = (String) p[0];
      if (seen.contains(attribute)) {
        throw DynamoDbException.validation(
            "KeyConditionExpressions must only contain one condition per key");
      }
      seen.add(attribute);
      if (!attribute.equals(partitionKey)
          && !(sortKey.isPresent() && attribute.equals(sortKey.get()))
          && unknown == null) {
        unknown = attribute;
      }
    }
    if (conditions.size() > 2) {
      throw DynamoDbException.validation("Conditions can be of length 1 or 2 only");
    }
    if (!seen.contains(partitionKey)) {
      throw missed(partitionKey);
    }
    if (unknown != null) {
      if (sortKey.isPresent()) {
        throw missed(sortKey.get());
      }
      throw notSupported();
    }
    for (Object[] p : parsed) {
      String attribute = (String) p[0];
      KeyCondition.Operator op = (KeyCondition.Operator) p[1];
      @SuppressWarnings("unchecked")
      List<AttributeValue> operands = (List<AttributeValue>) p[2];
      if (attribute.equals(partitionKey)) {
        if (op != KeyCondition.Operator.EQ) {
          throw notSupported();
        }
        partitionValue = operands.get(0);
      } else {
        sort = new KeyCondition.SortCondition(attribute, op, operands);
      }
    }
    return new KeyCondition(partitionKey, partitionValue, Optional.ofNullable(sort));
  }

  private static DynamoDbException missed(String key) {
    return DynamoDbException.validation("Query condition missed key schema element: " + key);
  }

  private static DynamoDbException notSupported() {
    return DynamoDbException.validation("Query key condition not supported");
  }

  private static DynamoDbException invalidOperator(String operator) {
    return DynamoDbException.validation(
        "Invalid operator used in KeyConditionExpression: " + operator);
  }

  /** Collects the AND-joined conditions, refusing any operator a key condition cannot use. */
  private static void flatten(Node node, List<Node> out) {
    if (node instanceof Ast.Group g) {
      flatten(g.inner(), out);
    } else if (node instanceof Ast.And a) {
      flatten(a.left(), out);
      flatten(a.right(), out);
    } else if (node instanceof Ast.Or) {
      throw invalidOperator("OR");
    } else if (node instanceof Ast.Not) {
      throw invalidOperator("NOT");
    } else if (node instanceof Ast.In) {
      throw invalidOperator("IN");
    } else if (node instanceof Ast.AttributeExists e) {
      throw invalidOperator(e.exists() ? "attribute_exists" : "attribute_not_exists");
    } else if (node instanceof Ast.AttributeType) {
      throw invalidOperator("attribute_type");
    } else if (node instanceof Ast.Contains) {
      throw invalidOperator("contains");
    } else if (node instanceof Ast.Compare c) {
      if (c.op() == Ast.Comparator.NE) {
        throw invalidOperator("<>");
      }
      out.add(node);
    } else {
      out.add(node);
    }
  }

  private static DynamoDbException invalidCondition(String detail) {
    return DynamoDbException.validation("Invalid condition in KeyConditionExpression: " + detail);
  }

  /**
   * The shape checks DynamoDB makes on each condition, in its order: BETWEEN and begins_with take
   * the key first; the first operand is not nested; one attribute name per condition; no size(); at
   * least one attribute name.
   */
  private static void checkShape(String operator, Operand... operands) {
    if (operator != null && !(operands[0] instanceof Ast.PathOp)) {
      throw invalidCondition(
          operator + " operator must have the key attribute as its first operand");
    }
    if (operands[0] instanceof Ast.PathOp p && !p.path().isTopLevel()) {
      throw nestedAttribute();
    }
    int paths = 0;
    boolean size = false;
    boolean nested = false;
    for (Operand o : operands) {
      if (o instanceof Ast.PathOp p) {
        paths++;
        nested |= !p.path().isTopLevel();
      } else if (o instanceof Ast.SizeOp) {
        size = true;
      }
    }
    if (paths > 1) {
      throw invalidCondition("Multiple attribute names used in one condition");
    }
    if (size) {
      throw DynamoDbException.validation(
          "KeyConditionExpressions cannot contain nested operations");
    }
    if (paths == 0) {
      throw invalidCondition("No key attribute specified");
    }
    if (nested) {
      throw nestedAttribute();
    }
  }

  private static DynamoDbException nestedAttribute() {
    return DynamoDbException.validation(
        "KeyConditionExpressions cannot have conditions on nested attributes");
  }

  /** {attribute, operator, values} of one condition on a top-level attribute. */
  private static Object[] simple(Node node) {
    if (node instanceof Ast.Compare c) {
      checkShape(null, c.left(), c.right());
      Operand left = c.left();
      Operand right = c.right();
      Ast.Comparator op = c.op();
      if (left instanceof Ast.ValueOp && right instanceof Ast.PathOp) {
        Operand t = left;
        left = right;
        right = t;
        op =
            switch (op) {
              case LT -> Ast.Comparator.GT;
              case LE -> Ast.Comparator.GE;
              case GT -> Ast.Comparator.LT;
              case GE -> Ast.Comparator.LE;
              default -> op;
            };
      }
      KeyCondition.Operator operator =
          switch (op) {
            case EQ -> KeyCondition.Operator.EQ;
            case LT -> KeyCondition.Operator.LT;
            case LE -> KeyCondition.Operator.LE;
            case GT -> KeyCondition.Operator.GT;
            default -> KeyCondition.Operator.GE;
          };
      return new Object[] {attribute(left), operator, List.of(value(right))};
    }
    if (node instanceof Ast.Between b) {
      checkShape("BETWEEN", b.value(), b.low(), b.high());
      return new Object[] {
        attribute(b.value()),
        KeyCondition.Operator.BETWEEN,
        List.of(value(b.low()), value(b.high()))
      };
    }
    Ast.BeginsWith b = (Ast.BeginsWith) node;
    checkShape("begins_with", b.subject(), b.prefix());
    AttributeValue prefix = value(b.prefix());
    if (!(prefix instanceof AttributeValue.S || prefix instanceof AttributeValue.B)) {
      throw Parser.error(
          KIND,
          "Incorrect operand type for operator or function; operator or function: begins_with,"
              + " operand type: "
              + prefix.type());
    }
    return new Object[] {
      attribute(b.subject()), KeyCondition.Operator.BEGINS_WITH, List.of(prefix)
    };
  }

  private static String attribute(Operand operand) {
    return ((Ast.PathOp) operand).path().attribute();
  }

  private static AttributeValue value(Operand operand) {
    if (operand instanceof Ast.ValueOp v) {
      return v.value();
    }
    throw notSupported();
  }
}
