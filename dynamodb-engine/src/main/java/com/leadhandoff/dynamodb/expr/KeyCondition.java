package com.leadhandoff.dynamodb.expr;

import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.Ordering;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed key condition: the partition key's value and, optionally, one condition on the sort key
 * (Developer Guide, "Key condition expressions for query").
 */
public record KeyCondition(
    String partitionKey, AttributeValue partitionValue, Optional<SortCondition> sortCondition) {

  /** The comparison applied to the sort key. */
  public enum Operator {
    EQ,
    LT,
    LE,
    GT,
    GE,
    BETWEEN,
    BEGINS_WITH
  }

  /** True if {@code item} has the partition value and meets the sort condition, if any. */
  public boolean matches(Map<String, AttributeValue> item) {
    return partitionValue.equals(item.get(partitionKey))
        && (sortCondition.isEmpty()
            || sortCondition.get().test(item.get(sortCondition.get().sortKey())));
  }

  /** A sort key condition: {@code operands} has two values for BETWEEN, one otherwise. */
  public record SortCondition(String sortKey, Operator operator, List<AttributeValue> operands) {
    /** True if the sort key value {@code value} (null if absent) meets this condition. */
    public boolean test(AttributeValue value) {
      if (value == null) {
        return false;
      }
      AttributeValue first = operands.get(0);
      if (operator == Operator.BEGINS_WITH) {
        if (value instanceof AttributeValue.S s && first instanceof AttributeValue.S p) {
          return s.value().startsWith(p.value());
        }
        return value instanceof AttributeValue.B b
            && first instanceof AttributeValue.B p
            && b.value().startsWith(p.value());
      }
      Optional<Integer> c = Ordering.compare(value, first);
      if (c.isEmpty()) {
        return false;
      }
      int r = c.get();
      return switch (operator) {
        case EQ -> r == 0;
        case LT -> r < 0;
        case LE -> r <= 0;
        case GT -> r > 0;
        case GE -> r >= 0;
        case BETWEEN -> {
          Optional<Integer> high = Ordering.compare(value, operands.get(1));
          yield r >= 0 && high.isPresent() && high.get() <= 0;
        }
        default -> false;
      };
    }
  }
}
