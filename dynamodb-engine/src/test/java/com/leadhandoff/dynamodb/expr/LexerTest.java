package com.leadhandoff.dynamodb.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Tokens of the expression languages: Developer Guide, "Using expressions in DynamoDB" (names,
 * {@code #name} and {@code :value} placeholders, comparators, document path punctuation).
 */
class LexerTest {
  private static int[] types(String text) {
    Lexer lx = new Lexer(text);
    return Arrays.copyOf(lx.type, lx.count);
  }

  @Test
  void splitsEveryTokenKind() {
    assertArrayEquals(
        new int[] {
          Lexer.NAME,
          Lexer.DOT,
          Lexer.HASH,
          Lexer.LBRACK,
          Lexer.NUMBER,
          Lexer.RBRACK,
          Lexer.NE,
          Lexer.COLON,
          Lexer.NAME,
          Lexer.NAME,
          Lexer.LPAREN,
          Lexer.NAME,
          Lexer.COMMA,
          Lexer.COLON,
          Lexer.RPAREN,
          Lexer.LE,
          Lexer.LT,
          Lexer.GE,
          Lexer.GT,
          Lexer.EQ,
          Lexer.PLUS,
          Lexer.MINUS,
          Lexer.EOF
        },
        types("a.#b[12]<>:v AND f(x,:y)<= < >= > = + -"));
  }

  @Test
  void namesStartWithALetterButPlaceholdersMayStartWithDigitsOrUnderscores() {
    assertArrayEquals(new int[] {Lexer.UNKNOWN, Lexer.NAME, Lexer.EOF}, types("_ab"));
    assertArrayEquals(new int[] {Lexer.NUMBER, Lexer.NAME, Lexer.EOF}, types("1ab"));
    assertArrayEquals(new int[] {Lexer.HASH, Lexer.COLON, Lexer.EOF}, types("#_1 :9_"));
    assertArrayEquals(new int[] {Lexer.NAME, Lexer.EOF}, types("a_1_B"));
  }

  @Test
  void loneSigilsAndOtherCharactersAreUnknownTokens() {
    assertArrayEquals(new int[] {Lexer.UNKNOWN, Lexer.UNKNOWN, Lexer.EOF}, types("# :"));
    assertArrayEquals(new int[] {Lexer.UNKNOWN, Lexer.EQ, Lexer.EOF}, types("!="));
    Lexer emoji = new Lexer("\uD83D\uDE00");
    assertEquals(Lexer.UNKNOWN, emoji.type[0]);
    assertEquals("\uD83D\uDE00", emoji.text(0));
  }

  @Test
  void keywordsMatchWithoutRegardToCaseButOnlyWholeTokens() {
    Lexer lx = new Lexer("aNd ANDY");
    assertTrue(lx.isWord(0, "AND"));
    assertFalse(lx.isWord(1, "AND"));
  }

  @Test
  void growsBeyondItsInitialCapacity() {
    String text = "a,".repeat(500) + "a";
    assertEquals(1002, new Lexer(text).count);
  }
}
