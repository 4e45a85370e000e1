package com.leadhandoff.dynamodb.table;

import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.Bytes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An item's size as the Developer Guide counts it ("Item sizes and formats"): each attribute's name
 * in UTF-8 bytes plus its value — strings in UTF-8 bytes, numbers about one byte per two
 * significant digits plus one, binary its length, Boolean and null one byte, lists and maps three
 * bytes of overhead plus one byte per element plus their contents (map keys counted like names).
 */
public final class ItemSize {
  /** The largest item DynamoDB stores: 400 KB. */
  public static final int MAX = 400 * 1024;

  private ItemSize() {}

  public static int of(Map<String, AttributeValue> item) {
    int size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += utf8(e.getKey()) + value(e.getValue());
    }
    return size;
  }

  static int value(AttributeValue v) {
    if (v instanceof AttributeValue.S s) {
      return utf8(s.value());
    } else if (v instanceof AttributeValue.N n) {
      return number(n.value());
    } else if (v instanceof AttributeValue.B b) {
      return b.value().length();
    } else if (v instanceof AttributeValue.Bool || v instanceof AttributeValue.Null) {
      return 1;
    } else if (v instanceof AttributeValue.M m) {
      int size = 3;
      for (Map.Entry<String, AttributeValue> e : m.value().entrySet()) {
        size += 1 + utf8(e.getKey()) + value(e.getValue());
      }
      return size;
    } else if (v instanceof AttributeValue.L l) {
      int size = 3;
      for (AttributeValue e : l.value()) {
        size += 1 + value(e);
      }
      return size;
    } else if (v instanceof AttributeValue.SS ss) {
      int size = 0;
      for (String s : ss.value()) {
        size += utf8(s);
      }
      return size;
    } else if (v instanceof AttributeValue.NS ns) {
      int size = 0;
      for (BigDecimal n : ns.value()) {
        size += number(n);
      }
      return size;
    } else if (v instanceof AttributeValue.BS bs) {
      int size = 0;
      for (Bytes b : bs.value()) {
        size += b.length();
      }
      return size;
    }
    return 0;
  }

  private static int number(BigDecimal n) {
    return (n.signum() == 0 ? 1 : (n.precision() + 1) / 2) + 1;
  }

  private static int utf8(String s) {
    // The encoder's length, as before for non-ASCII text; for ASCII (most names and values) its
    // copy of the string costs less than reading it a bounds-checked character at a time.
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
