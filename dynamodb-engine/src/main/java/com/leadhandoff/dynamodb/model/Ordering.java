package com.leadhandoff.dynamodb.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
   *
   * <p>Sort keys share long prefixes (ids, dates), so the equal prefix is skipped a UTF-16 unit at
   * a time; where the strings first differ, two units outside the surrogate range that do not end a
   * pair are each their own code point and decide. Anything else compares code points from the
   * start of the character the difference falls in.
   */
  public static int compareUtf8(String a, String b) {
    int shorter = Math.min(a.length(), b.length());
    int k = 0;
    while (k < shorter && a.charAt(k) == b.charAt(k)) {
      k++;
    }
    if (k == shorter) {
      // One is a prefix of the other: the shorter comes first, in UTF-16 as in code points.
      return Integer.compare(a.length(), b.length());
    }
    char x = a.charAt(k);
    char y = b.charAt(k);
    boolean inPair = k > 0 && Character.isHighSurrogate(a.charAt(k - 1));
    if (!inPair && !Character.isSurrogate(x) && !Character.isSurrogate(y)) {
      return Integer.compare(x, y);
    }
    int start = inPair ? k - 1 : k;
    return compareCodePoints(a, b, start);
  }

  /**
   * Bytes whose unsigned order ({@code Arrays.compareUnsigned}) is {@link #compareUtf8}'s: the
   * string's UTF-8 encoding, in which an unpaired surrogate (not valid UTF-8) takes the three bytes
   * of its code unit, the place code point order gives it. For keys compared many times: an ASCII
   * key costs one copy, and then each comparison is a byte array's.
   */
  public static byte[] utf8Key(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (bytes.length != s.length()) {
      return codePointBytes(s);
    }
    // One byte a character: ASCII, but for an unpaired surrogate, which the encoder made '?'.
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '?' && s.charAt(i) != '?') {
        return codePointBytes(s);
      }
    }
    return bytes;
  }

  /** UTF-8 of each code point, unpaired surrogates included (as their code units). */
  private static byte[] codePointBytes(String s) {
    byte[] out = new byte[s.length() * 3];
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (c < 0x800) {
        out[n++] = (byte) (0xC0 | c >> 6);
        out[n++] = (byte) (0x80 | c & 0x3F);
      } else if (c < 0x10000) {
        out[n++] = (byte) (0xE0 | c >> 12);
        out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[n++] = (byte) (0x80 | c & 0x3F);
      } else {
        out[n++] = (byte) (0xF0 | c >> 18);
        out[n++] = (byte) (0x80 | c >> 12 & 0x3F);
        out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[n++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static int compareCodePoints(String a, String b, int start) {
    int i = start;
    int j = start;
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
