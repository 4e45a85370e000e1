package com.leadhandoff.local.asl.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * States.Format: the template with each {@code {}} replaced by the next argument. Step Functions
 * prints an argument as Java prints the value it parsed: a string as is, null as {@code null}, an
 * object as {@code {Arg1=1, Arg2=[]}} and an array as {@code [1, 2]}.
 */
final class FormatText {
  private FormatText() {}

  /**
   * The formatted text, or empty when the template and arguments do not fit: a count of {@code {}}
   * other than the count of arguments, or a lone brace. {@code \{} and {@code \}} are literal
   * braces (the parser keeps their backslash for this).
   */
  static Optional<String> format(String template, List<JsonNode> args) {
    StringBuilder out = new StringBuilder();
    Iterator<JsonNode> next = args.iterator();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()) {
        out.append(template.charAt(++i));
      } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        if (!next.hasNext()) {
          return Optional.empty();
        }
        out.append(print(next.next()));
        i++;
      } else if (c == '{' || c == '}') {
        return Optional.empty();
      } else {
        out.append(c);
      }
    }
    return next.hasNext() ? Optional.empty() : Optional.of(out.toString());
  }

  /** How Java's toString prints the value: maps as {k=v, …}, lists as [a, b], text unquoted. */
  static String print(JsonNode value) {
    if (value.isObject()) {
      StringBuilder out = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append(field.getKey()).append('=').append(print(field.getValue()));
        if (fields.hasNext()) {
          out.append(", ");
        }
      }
      return out.append('}').toString();
    }
    if (value.isArray()) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < value.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(print(value.get(i)));
      }
      return out.append(']').toString();
    }
    return value.isNull() ? "null" : value.asText();
  }
}
