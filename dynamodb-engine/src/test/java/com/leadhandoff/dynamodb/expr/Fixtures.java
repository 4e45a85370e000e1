package com.leadhandoff.dynamodb.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.Bytes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Shorthands for building values, items and placeholders in the expression tests. */
final class Fixtures {
  private Fixtures() {}

  static AttributeValue s(String v) {
    return new AttributeValue.S(v);
  }

  static AttributeValue n(String v) {
    return AttributeValue.N.of(v);
  }

  static AttributeValue b(int... bytes) {
    byte[] raw = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      raw[i] = (byte) bytes[i];
    }
    return new AttributeValue.B(Bytes.of(raw));
  }

  static AttributeValue bool(boolean v) {
    return new AttributeValue.Bool(v);
  }

  static AttributeValue nul() {
    return new AttributeValue.Null();
  }

  static AttributeValue ss(String... v) {
    return new AttributeValue.SS(new LinkedHashSet<>(List.of(v)));
  }

  static AttributeValue ns(String... v) {
    LinkedHashSet<BigDecimal> set = new LinkedHashSet<>();
    for (String x : v) {
      set.add(new BigDecimal(x));
    }
    return new AttributeValue.NS(set);
  }

  static AttributeValue bs(AttributeValue... v) {
    LinkedHashSet<Bytes> set = new LinkedHashSet<>();
    for (AttributeValue x : v) {
      set.add(((AttributeValue.B) x).value());
    }
    return new AttributeValue.BS(set);
  }

  static AttributeValue l(AttributeValue... v) {
    return new AttributeValue.L(List.of(v));
  }

  /** A map value from alternating keys and values. */
  static AttributeValue m(Object... kv) {
    return new AttributeValue.M(item(kv));
  }

  /** An item from alternating names and values. */
  static Map<String, AttributeValue> item(Object... kv) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], (AttributeValue) kv[i + 1]);
    }
    return out;
  }

  /** Placeholders from alternating keys and values: {@code #x} keys take String names. */
  static ExpressionAttributes attrs(Object... kv) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      String key = (String) kv[i];
      if (key.startsWith("#")) {
        names.put(key, (String) kv[i + 1]);
      } else {
        values.put(key, (AttributeValue) kv[i + 1]);
      }
    }
    return new ExpressionAttributes(names, values);
  }

  /** Asserts a ValidationException with exactly {@code message}. */
  static void assertValidation(String message, Executable call) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call);
    assertEquals("ValidationException", e.type());
    assertEquals(message, e.getMessage());
  }

  static Path path(Object... elements) {
    List<Path.Element> es = new ArrayList<>();
    for (Object e : elements) {
      es.add(e instanceof Integer i ? new Path.Index(i) : new Path.Key((String) e));
    }
    return new Path(es);
  }
}
