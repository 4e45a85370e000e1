package com.leadhandoff.dynamodb.expr;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.List;
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

  /** A sort key condition: {@code operands} has two values for BETWEEN, one otherwise. */
  public record SortCondition(String sortKey, Operator operator, List<AttributeValue> operands) {}
}
