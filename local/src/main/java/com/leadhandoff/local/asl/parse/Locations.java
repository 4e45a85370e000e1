package com.leadhandoff.local.asl.parse;

/**
 * Turns the parsers' words for a place ("State 'S' Retry[0]", "State 'S' Parameters field 'x.$'")
 * into Step Functions' location ({@code /States/S/Retry[0]}, {@code /States/S/Parameters/x.$}).
 */
final class Locations {
  private static final String STATE = "State '";

  private Locations() {}

  /** The location of {@code where}, below {@code prefix} (the enclosing branch, or ""). */
  static String of(String prefix, String where) {
    if (!where.startsWith(STATE)) {
      return prefix.isEmpty() ? "/" : prefix;
    }
    int close = where.indexOf("'", STATE.length());
    if (close < 0) {
      return prefix + "/States";
    }
    StringBuilder location =
        new StringBuilder(prefix).append("/States/").append(where, STATE.length(), close);
    String rest = where.substring(close + 1).trim();
    int i = 0;
    while (i < rest.length()) {
      if (rest.charAt(i) == ' ') {
        i++;
        continue;
      }
      if (rest.startsWith("field '", i)) {
        int end = rest.indexOf('\'', i + 7);
        end = end < 0 ? rest.length() : end;
        location.append('/').append(rest, i + 7, end);
        i = end + 1;
        continue;
      }
      int end = rest.indexOf(' ', i);
      end = end < 0 ? rest.length() : end;
      location.append('/').append(rest, i, end);
      i = end;
    }
    return location.toString();
  }
}
