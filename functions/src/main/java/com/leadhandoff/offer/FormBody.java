package com.leadhandoff.offer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The fields of an HTML form post ({@code application/x-www-form-urlencoded}). */
public final class FormBody {
  private FormBody() {}

  /**
   * The fields of {@code body}; the first value of a repeated field wins. A body that is not a form
   * reads as no fields, which the caller then reports as missing input.
   *
   * @param base64 whether API Gateway delivered the body base64-encoded, as it does for forms
   */
  public static Map<String, String> parse(String body, boolean base64) {
    Map<String, String> fields = new HashMap<>();
    if (body == null || body.isEmpty()) {
      return fields;
    }
    try {
      String text =
          base64 ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
      for (String pair : text.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (!name.isEmpty()) {
          fields.putIfAbsent(name, value);
        }
      }
      return fields;
    } catch (IllegalArgumentException e) {
      return new HashMap<>();
    }
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }
}
