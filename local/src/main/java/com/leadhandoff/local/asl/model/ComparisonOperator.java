package com.leadhandoff.local.asl.model;

import java.util.Arrays;
import java.util.Optional;

/** Every data-test operator of a Choice rule, with its operand kind. */
public enum ComparisonOperator {
  STRING_EQUALS("StringEquals", Kind.STRING, Relation.EQ),
  STRING_LESS_THAN("StringLessThan", Kind.STRING, Relation.LT),
  STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Relation.GT),
  STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Relation.LE),
  STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Relation.GE),
  STRING_MATCHES("StringMatches", Kind.STRING, Relation.MATCHES),
  NUMERIC_EQUALS("NumericEquals", Kind.NUMBER, Relation.EQ),
  NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMBER, Relation.LT),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMBER, Relation.GT),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMBER, Relation.LE),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMBER, Relation.GE),
  BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Relation.EQ),
  TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Relation.EQ),
  TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Relation.LT),
  TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Relation.GT),
  TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Relation.LE),
  TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Relation.GE),
  IS_NULL("IsNull", Kind.TYPE_TEST, Relation.EQ),
  IS_PRESENT("IsPresent", Kind.TYPE_TEST, Relation.EQ),
  IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, Relation.EQ),
  IS_STRING("IsString", Kind.TYPE_TEST, Relation.EQ),
  IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, Relation.EQ),
  IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, Relation.EQ);

  /** What the operand (and, for comparisons, the variable) must be. */
  public enum Kind {
    STRING,
    NUMBER,
    BOOLEAN,
    TIMESTAMP,
    /** {@code Is…} tests take a Boolean literal: whether the variable should pass the test. */
    TYPE_TEST
  }

  /** How the variable relates to the operand. */
  public enum Relation {
    EQ,
    LT,
    GT,
    LE,
    GE,
    MATCHES
  }

  private final String fieldName;
  private final Kind kind;
  private final Relation relation;

  ComparisonOperator(String fieldName, Kind kind, Relation relation) {
    this.fieldName = fieldName;
    this.kind = kind;
    this.relation = relation;
  }

  /** The field name in the definition, without the {@code Path} suffix. */
  public String fieldName() {
    return fieldName;
  }

  public Kind kind() {
    return kind;
  }

  public Relation relation() {
    return relation;
  }

  /** Whether a {@code …Path} variant exists (not for StringMatches and the type tests). */
  public boolean hasPathVariant() {
    return kind != Kind.TYPE_TEST && relation != Relation.MATCHES;
  }

  /** The operator spelled {@code field}, with or without the Path suffix handled by the caller. */
  public static Optional<ComparisonOperator> byFieldName(String field) {
    return Arrays.stream(values()).filter(op -> op.fieldName.equals(field)).findFirst();
  }
}
