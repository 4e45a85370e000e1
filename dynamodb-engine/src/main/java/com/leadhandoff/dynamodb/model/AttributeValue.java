package com.leadhandoff.dynamodb.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value, of exactly one of the ten data types of the API Reference
 * ("AttributeValue"). Values are immutable; numbers are held normalised (see {@link Numbers}) so
 * that equal numbers are equal objects, as DynamoDB compares them by value.
 */
public sealed interface AttributeValue {

  /** The type descriptor as it appears on the wire: {@code S}, {@code N}, {@code BOOL}, … */
  String type();

  /** A string. */
  record S(String value) implements AttributeValue {
    public String type() {
      return "S";
    }
  }

  /** A number, normalised: no trailing fractional zeros, at most 38 significant digits. */
  record N(BigDecimal value) implements AttributeValue {
    public N {
      value = Numbers.normalise(value);
    }

    /** Parses a number as the wire carries it, with DynamoDB's validation. */
    public static N of(String text) {
      return new N(Numbers.parse(text));
    }

    /** The number as DynamoDB returns it. */
    public String text() {
      return Numbers.format(value);
    }

    public String type() {
      return "N";
    }
  }

  /** Binary data. */
  record B(Bytes value) implements AttributeValue {
    public String type() {
      return "B";
    }
  }

  /** A Boolean. */
  record Bool(boolean value) implements AttributeValue {
    public String type() {
      return "BOOL";
    }
  }

  /** The null value (only {@code true} is a valid NULL on the wire). */
  record Null() implements AttributeValue {
    public String type() {
      return "NULL";
    }
  }

  /** A map of attribute names to values, in insertion order. */
  record M(Map<String, AttributeValue> value) implements AttributeValue {
    public M {
      value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }

    public String type() {
      return "M";
    }
  }

  /** An ordered list of values of any types. */
  record L(List<AttributeValue> value) implements AttributeValue {
    public L {
      value = List.copyOf(value);
    }

    public String type() {
      return "L";
    }
  }

  /** A non-empty set of distinct strings. */
  record SS(Set<String> value) implements AttributeValue {
    public SS {
      value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
    }

    public String type() {
      return "SS";
    }
  }

  /** A non-empty set of distinct (normalised) numbers. */
  record NS(Set<BigDecimal> value) implements AttributeValue {
    public NS {
      LinkedHashSet<BigDecimal> normalised = new LinkedHashSet<>();
      value.forEach(n -> normalised.add(Numbers.normalise(n)));
      value = Collections.unmodifiableSet(normalised);
    }

    public String type() {
      return "NS";
    }
  }

  /** A non-empty set of distinct binary values. */
  record BS(Set<Bytes> value) implements AttributeValue {
    public BS {
      value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
    }

    public String type() {
      return "BS";
    }
  }

  /** Shorthand for a string value. */
  static AttributeValue s(String value) {
    return new S(value);
  }

  /** Shorthand for a number value given as DynamoDB text, e.g. {@code "42"}. */
  static AttributeValue n(String value) {
    return N.of(value);
  }
}
