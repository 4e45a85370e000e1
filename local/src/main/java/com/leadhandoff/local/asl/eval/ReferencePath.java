package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Reference Path ({@code $.a.b}, {@code $['a b'][0]}): identifies one node, and is how ResultPath
 * writes a result into a copy of the state's input, creating missing objects on the way.
 */
public record ReferencePath(String text, List<Object> segments) {

  /** Parses a Reference Path; segments are field names (String) or array indexes (Integer). */
  public static ReferencePath parse(String text) {
    if (!text.startsWith("$")) {
      throw new IllegalArgumentException("must start with $");
    }
    List<Object> segments = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
          i++;
        }
        String name = text.substring(start, i);
        if (name.isEmpty() || name.contains("*") || name.contains("@")) {
          throw new IllegalArgumentException("bad field name at position " + start);
        }
        segments.add(name);
      } else if (c == '[') {
        i = bracket(text, i + 1, segments);
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' at position " + i);
      }
    }
    return new ReferencePath(text, List.copyOf(segments));
  }

  /**
   * Reads one {@code [...]} segment starting after its {@code [}: a quoted name, in which {@code
   * \'} (or {@code \"}) and {@code \\} escape, or an index. Returns the position after {@code ]}.
   */
  private static int bracket(String text, int start, List<Object> segments) {
    int i = start;
    char quote = i < text.length() ? text.charAt(i) : 0;
    if (quote == '\'' || quote == '"') {
      StringBuilder name = new StringBuilder();
      i++;
      while (i < text.length() && text.charAt(i) != quote) {
        if (text.charAt(i) == '\\' && i + 1 < text.length()) {
          i++;
        }
        name.append(text.charAt(i++));
      }
      if (i + 1 >= text.length() || text.charAt(i + 1) != ']') {
        throw new IllegalArgumentException("unclosed [ at position " + (start - 1));
      }
      segments.add(name.toString());
      return i + 2;
    }
    int close = text.indexOf(']', i);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed [");
    }
    try {
      segments.add(Integer.parseInt(text.substring(i, close).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("only names and indexes are allowed in [ ]");
    }
    return close + 1;
  }

  /**
   * A copy of {@code input} with {@code value} at this path; {@code $} returns {@code value}. Fails
   * with States.ResultPathMatchFailure when the path runs through something that is not an object.
   */
  public JsonNode set(JsonNode input, JsonNode value) {
    if (segments.isEmpty()) {
      return value;
    }
    JsonNode root = input.deepCopy();
    if (!root.isContainerNode()) {
      throw mismatch(input);
    }
    JsonNode current = root;
    for (int i = 0; i < segments.size(); i++) {
      Object segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (segment instanceof String name) {
        if (!(current instanceof ObjectNode object)) {
          throw mismatch(input);
        }
        if (last) {
          object.set(name, value);
        } else {
          JsonNode child = object.get(name);
          if (child == null || child.isNull()) {
            child = object.putObject(name);
          }
          current = child;
        }
      } else {
        int index = (Integer) segment;
        if (!(current instanceof ArrayNode array) || index < 0 || index >= array.size()) {
          throw mismatch(input);
        }
        if (last) {
          array.set(index, value);
        } else {
          current = array.get(index);
        }
      }
    }
    return root;
  }

  private StatesError mismatch(JsonNode input) {
    return new StatesError(
        ErrorNames.RESULT_PATH_MATCH_FAILURE,
        "Unable to apply ResultPath '" + text + "' to input '" + Json.write(input) + "'");
  }
}
