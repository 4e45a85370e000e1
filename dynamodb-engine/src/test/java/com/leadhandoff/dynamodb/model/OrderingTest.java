package com.leadhandoff.dynamodb.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Strings order as their UTF-8 bytes do (Developer Guide, comparison operator reference). */
class OrderingTest {

  private static int utf8(String a, String b) {
    return Integer.signum(
        Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
  }

  private static int ordered(String a, String b) {
    return Integer.signum(Ordering.compareUtf8(a, b));
  }

  @Test
  void supplementaryCharacter_sortsAfterTheLastBmpCharacters_unlikeUtf16() {
    // U+1F600 is D83D DE00 in UTF-16, below U+FFFD there, but above it in UTF-8 and code points.
    String emoji = "lead#\uD83D\uDE00";
    String replacement = "lead#\uFFFD";
    assertEquals(1, ordered(emoji, replacement));
    assertEquals(-1, ordered(replacement, emoji));
    assertEquals(utf8(emoji, replacement), ordered(emoji, replacement));
  }

  @Test
  void differenceInsideASurrogatePair_comparesTheWholeCharacters() {
    String a = "x\uD83D\uDE00";
    String b = "x\uD83D\uDE01";
    assertEquals(-1, ordered(a, b));
    assertEquals(1, ordered(b, a));
  }

  @Test
  void prefix_sortsFirst_andEqualStringsAreEqual() {
    assertEquals(-1, ordered("2026-11-23", "2026-11-23T10:00Z"));
    assertEquals(1, ordered("2026-11-23T10:00Z", "2026-11-23"));
    assertEquals(0, ordered("lead#01M8", "lead#01M8"));
    assertEquals(0, ordered("", ""));
  }

  @Test
  void randomStrings_orderAsTheirUtf8Bytes() {
    // Mixed ASCII, Latin, high BMP and supplementary characters over shared prefixes.
    List<String> alphabet =
        List.of(
            "a", "b", "z", "\u00e9", "\u4e2d", "\uFF01", "\uFFFD", "\uD83D\uDE00", "\uD83D\uDE01");
    Random random = new Random(20261204);
    for (int n = 0; n < 20_000; n++) {
      String prefix = random.nextBoolean() ? "lead#" : "";
      String a = prefix + word(random, alphabet);
      String b = prefix + word(random, alphabet);
      assertEquals(utf8(a, b), ordered(a, b), () -> a + " vs " + b);
    }
  }

  @Test
  void utf8Key_ordersAsCompareUtf8_unpairedSurrogatesAndQuestionMarksIncluded() {
    // An unpaired surrogate is no UTF-8; the key places it where code point order does.
    List<String> alphabet =
        List.of(
            "a", "?", "\u00e9", "\uD7FF", "\uD800", "\uDC00", "\uE000", "\uFFFD", "\uD83D\uDE00");
    Random random = new Random(20261205);
    for (int n = 0; n < 20_000; n++) {
      String prefix = random.nextBoolean() ? "lead#" : "";
      String a = prefix + word(random, alphabet);
      String b = prefix + word(random, alphabet);
      assertEquals(
          ordered(a, b),
          Integer.signum(Arrays.compareUnsigned(Ordering.utf8Key(a), Ordering.utf8Key(b))),
          () -> a + " vs " + b);
    }
  }

  @Test
  void utf8Key_ofValidText_isItsUtf8() {
    for (String text :
        List.of("", "lead#01M8", "what?", "caf\u00e9", "\u4e2d\uFF01", "x\uD83D\uDE00?")) {
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Ordering.utf8Key(text), text);
    }
  }

  private static String word(Random random, List<String> alphabet) {
    StringBuilder word = new StringBuilder();
    int length = random.nextInt(5);
    for (int i = 0; i < length; i++) {
      word.append(alphabet.get(random.nextInt(alphabet.size())));
    }
    return word.toString();
  }
}
