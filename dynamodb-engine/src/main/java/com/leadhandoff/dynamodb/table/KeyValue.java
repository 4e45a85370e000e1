package com.leadhandoff.dynamodb.table;

import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.Ordering;
import java.util.Arrays;

/**
 * A key attribute's value (S, N or B) ordered as DynamoDB orders sort keys: numbers by value,
 * strings by UTF-8 bytes, binary unsigned byte by byte. {@link #NONE} stands for the absent sort
 * key of a table or index with a partition key only and sorts before every value.
 */
public final class KeyValue implements Comparable<KeyValue> {
  /** The sort key of a key schema without one. */
  public static final KeyValue NONE = new KeyValue(null);

  /** Sorts before every value (for open range starts). */
  public static final KeyValue MIN = new KeyValue(null);

  /** Sorts after every value (for open range ends). */
  public static final KeyValue MAX = new KeyValue(null);

  private final AttributeValue value;
  private final int hash;

  /**
   * A string's {@link Ordering#utf8Key}, null for other values: keys are compared a few dozen times
   * for each lookup in a table's ordered map, and these bytes compare several times faster than the
   * string a character at a time.
   */
  private final byte[] utf8;

  private KeyValue(AttributeValue value) {
    this.value = value;
    this.hash = value == null ? 0 : value.hashCode();
    this.utf8 = value instanceof AttributeValue.S s ? Ordering.utf8Key(s.value()) : null;
  }

  public static KeyValue of(AttributeValue value) {
    return new KeyValue(value);
  }

  /** The value, or null for {@link #NONE}. */
  public AttributeValue value() {
    return value;
  }

  @Override
  public int compareTo(KeyValue o) {
    if (this == o) {
      return 0;
    }
    if (this == MIN || o == MAX) {
      return -1;
    }
    if (this == MAX || o == MIN) {
      return 1;
    }
    if (value == null) {
      return o.value == null ? 0 : -1;
    }
    if (o.value == null) {
      return 1;
    }
    if (utf8 != null && o.utf8 != null) {
      return Arrays.compareUnsigned(utf8, o.utf8);
    }
    return Ordering.compare(value, o.value).orElseGet(() -> value.type().compareTo(o.value.type()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValue k
        && (this == k || (value != null && k.value != null && value.equals(k.value)));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
