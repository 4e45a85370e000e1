package com.leadhandoff.dynamodb.model;

import java.util.Arrays;
import java.util.Base64;

/**
 * An immutable byte string with value equality, ordered as DynamoDB orders binary values: byte by
 * byte, each byte unsigned (Developer Guide, "Comparison operator and function reference").
 */
public final class Bytes implements Comparable<Bytes> {
  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code bytes}. */
  public static Bytes of(byte[] bytes) {
    return new Bytes(bytes.clone());
  }

  /** Decodes base64 text as the wire carries binary values. */
  public static Bytes fromBase64(String text) {
    return new Bytes(Base64.getDecoder().decode(text));
  }

  /** The bytes, copied. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /** The number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** The byte at {@code index}, unsigned. */
  public int at(int index) {
    return bytes[index] & 0xff;
  }

  /** True if these bytes start with {@code prefix}. */
  public boolean startsWith(Bytes prefix) {
    return prefix.bytes.length <= bytes.length
        && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
  }

  /** The first index at which {@code part} occurs in these bytes, or -1. */
  public int indexOf(Bytes part) {
    byte[] p = part.bytes;
    outer:
    for (int i = 0; i + p.length <= bytes.length; i++) {
      for (int j = 0; j < p.length; j++) {
        if (bytes[i + j] != p[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The base64 text the wire carries. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return base64();
  }
}
