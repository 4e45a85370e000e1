package com.leadhandoff.dynamodb.model;

import java.util.Optional;

/**
 * How DynamoDB orders scalar values of one type, for sort keys and the comparison operators
 * (Developer Guide, "Comparison operator and function reference"): numbers by value, strings by
 * their UTF-8 bytes, binary byte by byte unsigned. Values of different types do not compare.
 */
public final class Ordering {
  private Ordering() {}

  /**
   * Compares two values of the same scalar type (S, N or B); empty when the types differ or are not
   * ordered, so that a comparison with them is false.
   */
  public static Optional<Integer> compare(AttributeValue a, AttributeValue b) {
    if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
      return Optional.of(x.value().compareTo(y.value()));
    }
    if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
      return Optional.of(compareUtf8(x.value(), y.value()));
    }
    if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
      return Optional.of(x.value().compareTo(y.value()));
    }
    return Optional.empty();
  }

  /**
   * Compares strings as their UTF-8 encodings would compare byte by byte, which is code point order
   * (Java's {@code compareTo} compares UTF-16 units and differs for supplementary characters).
   */
  public static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
