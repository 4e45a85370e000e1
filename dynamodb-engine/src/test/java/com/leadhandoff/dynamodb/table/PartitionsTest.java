package com.leadhandoff.dynamodb.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

/**
 * The hash lookup of partitions finds what the ordered map finds: two key values compare equal
 * exactly when they are equal with the same hash, and both maps hold the same partitions.
 */
class PartitionsTest {
  @Test
  void keyValues_compareEqual_exactlyWhenEqualWithTheSameHash() {
    Random random = new Random(7);
    List<String> alphabet = List.of("a", "b", "\u00e9", "\uD800", "\uDC00", "\uD83D\uDE00");
    List<KeyValue> values = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder text = new StringBuilder("lead#");
      for (int j = random.nextInt(4); j > 0; j--) {
        text.append(alphabet.get(random.nextInt(alphabet.size())));
      }
      values.add(KeyValue.of(new AttributeValue.S(text.toString())));
      // 1, 1.0 and 1.00 are one number; DynamoDB keys them as one.
      String number = random.nextInt(5) + (random.nextBoolean() ? ".0" : "");
      values.add(KeyValue.of(new AttributeValue.N(new BigDecimal(number))));
    }
    for (KeyValue a : values) {
      for (KeyValue b : values) {
        if (a.value().type().equals(b.value().type())) {
          boolean same = a.compareTo(b) == 0;
          assertEquals(same, a.equals(b), () -> a + " vs " + b);
          if (same) {
            assertEquals(a.hashCode(), b.hashCode(), () -> a + " vs " + b);
          }
        }
      }
    }
  }

  @Test
  void createdPartition_isTheOneObjectInBothMaps_andRemovedFromBoth() {
    ConcurrentSkipListMap<KeyValue, ConcurrentSkipListMap<KeyValue, Item>> ordered =
        new ConcurrentSkipListMap<>();
    Partitions<KeyValue> partitions = new Partitions<>(ordered);
    KeyValue key = KeyValue.of(new AttributeValue.S("lead#1"));
    KeyValue equalKey = KeyValue.of(new AttributeValue.S("lead#" + 1));

    ConcurrentSkipListMap<KeyValue, Item> created = partitions.getOrCreate(key);

    assertSame(created, partitions.get(equalKey));
    assertSame(created, partitions.getOrCreate(equalKey));
    assertSame(created, ordered.get(equalKey));
    partitions.remove(equalKey, created);
    assertNull(partitions.get(key));
    assertTrue(ordered.isEmpty());
  }

  @Test
  void removingAPartitionNoLongerHeld_leavesTheNewOne() {
    ConcurrentSkipListMap<KeyValue, ConcurrentSkipListMap<KeyValue, Item>> ordered =
        new ConcurrentSkipListMap<>();
    Partitions<KeyValue> partitions = new Partitions<>(ordered);
    KeyValue key = KeyValue.of(new AttributeValue.S("lead#1"));
    ConcurrentSkipListMap<KeyValue, Item> first = partitions.getOrCreate(key);
    partitions.remove(key, first);
    ConcurrentSkipListMap<KeyValue, Item> second = partitions.getOrCreate(key);

    partitions.remove(key, first);

    assertSame(second, partitions.get(key));
    assertSame(second, ordered.get(key));
  }
}
