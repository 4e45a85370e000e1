package com.leadhandoff.dynamodb.expr;

import java.util.Arrays;

/**
 * Splits an expression into tokens held in three parallel int arrays (type, start, end), so that
 * tokenising allocates no per-token objects; token text is read from the source only when needed.
 */
final class Lexer {
  static final int EOF = 0;
  static final int NAME = 1;
  static final int HASH = 2;
  static final int COLON = 3;
  static final int NUMBER = 4;
  static final int LPAREN = 5;
  static final int RPAREN = 6;
  static final int LBRACK = 7;
  static final int RBRACK = 8;
  static final int COMMA = 9;
  static final int DOT = 10;
  static final int EQ = 11;
  static final int NE = 12;
  static final int LT = 13;
  static final int LE = 14;
  static final int GT = 15;
  static final int GE = 16;
  static final int PLUS = 17;
  static final int MINUS = 18;
  static final int UNKNOWN = 19;

  final String src;
  int[] type;
  int[] start;
  int[] end;
  int count;

  Lexer(String src) {
    this.src = src;
    int capacity = Math.max(8, src.length() / 2 + 2);
    type = new int[capacity];
    start = new int[capacity];
    end = new int[capacity];
    run();
  }

  private void add(int t, int s, int e) {
    if (count == type.length) {
      int n = count * 2;
      type = Arrays.copyOf(type, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
    }
    type[count] = t;
    start[count] = s;
    end[count] = e;
    count++;
  }

  /** Unquoted names start with a letter (an underscore or digit starts no name). */
  private static boolean identStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean identPart(char c) {
    return identStart(c) || c >= '0' && c <= '9' || c == '_';
  }

  private void run() {
    String s = src;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      int st = i;
      if (identStart(c)) {
        i++;
        while (i < n && identPart(s.charAt(i))) {
          i++;
        }
        add(NAME, st, i);
      } else if (c >= '0' && c <= '9') {
        i++;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        add(NUMBER, st, i);
      } else if (c == '#' || c == ':') {
        i++;
        while (i < n && identPart(s.charAt(i))) {
          i++;
        }
        add(i == st + 1 ? UNKNOWN : c == '#' ? HASH : COLON, st, i);
      } else if (c == '<') {
        if (i + 1 < n && s.charAt(i + 1) == '>') {
          i += 2;
          add(NE, st, i);
        } else if (i + 1 < n && s.charAt(i + 1) == '=') {
          i += 2;
          add(LE, st, i);
        } else {
          i++;
          add(LT, st, i);
        }
      } else if (c == '>') {
        if (i + 1 < n && s.charAt(i + 1) == '=') {
          i += 2;
          add(GE, st, i);
        } else {
          i++;
          add(GT, st, i);
        }
      } else {
        i++;
        int t =
            switch (c) {
              case '(' -> LPAREN;
              case ')' -> RPAREN;
              case '[' -> LBRACK;
              case ']' -> RBRACK;
              case ',' -> COMMA;
              case '.' -> DOT;
              case '=' -> EQ;
              case '+' -> PLUS;
              case '-' -> MINUS;
              default -> UNKNOWN;
            };
        if (t == UNKNOWN && Character.isHighSurrogate(c) && i < n) {
          i++;
        }
        add(t, st, i);
      }
    }
    add(EOF, n, n);
  }

  String text(int i) {
    return src.substring(start[i], end[i]);
  }

  /** True if token {@code i} is a NAME equal to {@code word} without regard to case. */
  boolean isWord(int i, String word) {
    return type[i] == NAME
        && end[i] - start[i] == word.length()
        && src.regionMatches(true, start[i], word, 0, word.length());
  }
}
