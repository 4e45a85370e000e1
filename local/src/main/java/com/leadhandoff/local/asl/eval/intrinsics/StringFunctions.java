package com.leadhandoff.local.asl.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.leadhandoff.local.asl.eval.Json;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** The developer guide's "Intrinsic for String operation", States.Format and States.UUID. */
final class StringFunctions {
  private StringFunctions() {}

  static void register(Map<String, Signature> functions) {
    functions.put("States.Format", new Signature(1, -1, StringFunctions::format));
    functions.put("States.StringSplit", new Signature(2, 2, StringFunctions::split));
    functions.put("States.UUID", new Signature(0, 0, a -> TextNode.valueOf(uuid(a.random()))));
  }

  private static JsonNode format(Arguments args) {
    String template = args.text(0);
    return TextNode.valueOf(
        FormatText.format(template, args.all().subList(1, args.size())).orElseThrow(args::invalid));
  }

  /**
   * Splits at every character of the delimiter string, dropping empty pieces: AWS answers
   * ["1","2","3","4"] for ('1+2,3.4', '.+,') and [] for an empty string.
   */
  private static JsonNode split(Arguments args) {
    String value = args.text(0);
    String delimiters = args.text(1);
    ArrayNode parts = Json.MAPPER.createArrayNode();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (delimiters.indexOf(c) >= 0) {
        addPiece(parts, current);
      } else {
        current.append(c);
      }
    }
    addPiece(parts, current);
    return parts;
  }

  private static void addPiece(ArrayNode parts, StringBuilder piece) {
    if (piece.length() > 0) {
      parts.add(piece.toString());
    }
    piece.setLength(0);
  }

  /** A version 4 (random) UUID from the execution's random source. */
  private static String uuid(Random random) {
    return new UUID(
            (random.nextLong() & ~0xF000L) | 0x4000L,
            (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
        .toString();
  }
}
