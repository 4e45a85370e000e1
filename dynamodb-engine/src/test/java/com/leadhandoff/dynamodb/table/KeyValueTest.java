package com.leadhandoff.dynamodb.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.Ordering;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Key values order as DynamoDB orders sort keys: strings by UTF-8 bytes, numbers by value. */
class KeyValueTest {
  private static KeyValue s(String text) {
    return KeyValue.of(new AttributeValue.S(text));
  }

  private static KeyValue n(String number) {
    return KeyValue.of(new AttributeValue.N(new BigDecimal(number)));
  }

  @Test
  void strings_orderAsCompareUtf8() {
    List<String> alphabet = List.of("a", "b", "?", "\u00e9", "\uD800", "\uFFFD", "\uD83D\uDE00");
    Random random = new Random(4);
    for (int i = 0; i < 10_000; i++) {
      String a = "lead#" + word(random, alphabet);
      String b = "lead#" + word(random, alphabet);
      assertEquals(
          Integer.signum(Ordering.compareUtf8(a, b)),
          Integer.signum(s(a).compareTo(s(b))),
          () -> a + " vs " + b);
    }
  }

  @Test
  void supplementaryCharacter_sortsAfterTheLastBmpCharacter() {
    assertTrue(s("lead#\uD83D\uDE00").compareTo(s("lead#\uFFFD")) > 0);
    assertTrue(s("lead#\uFFFD").compareTo(s("lead#\uD83D\uDE00")) < 0);
    assertEquals(0, s("lead#1").compareTo(s("lead#1")));
  }

  @Test
  void numbers_orderByValue_andBoundsSortOutside() {
    assertTrue(n("9").compareTo(n("10")) < 0);
    assertTrue(n("-1.5").compareTo(n("-1")) < 0);
    for (KeyValue value : List.of(s(""), s("z"), n("-100"), KeyValue.NONE)) {
      assertTrue(KeyValue.MIN.compareTo(value) < 0);
      assertTrue(KeyValue.MAX.compareTo(value) > 0);
    }
    assertTrue(KeyValue.NONE.compareTo(s("")) < 0);
  }

  private static String word(Random random, List<String> alphabet) {
    StringBuilder word = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      word.append(alphabet.get(random.nextInt(alphabet.size())));
    }
    return word.toString();
  }
}
