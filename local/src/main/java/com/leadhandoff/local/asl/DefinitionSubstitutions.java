package com.leadhandoff.local.asl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a SAM {@code DefinitionSubstitutions} map to a definition: every {@code ${Name}} is
 * replaced by its value, and a placeholder without a value is refused rather than left in place.
 */
public final class DefinitionSubstitutions {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  private DefinitionSubstitutions() {}

  /**
   * Returns {@code definition} with each {@code ${Name}} replaced by {@code values.get(Name)}.
   *
   * @throws IllegalArgumentException naming every placeholder that has no value
   */
  public static String apply(String definition, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(definition);
    StringBuilder out = new StringBuilder();
    List<String> missing = new ArrayList<>();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.get(name);
      if (value == null) {
        if (!missing.contains(name)) {
          missing.add(name);
        }
        matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
      } else {
        matcher.appendReplacement(out, Matcher.quoteReplacement(value));
      }
    }
    matcher.appendTail(out);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "the definition uses ${...} placeholders with no DefinitionSubstitutions value: "
              + String.join(", ", missing));
    }
    return out.toString();
  }
}
