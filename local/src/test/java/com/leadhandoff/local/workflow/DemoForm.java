package com.leadhandoff.local.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local UI's demo form as a browser submits it: every named field with its prefilled value. */
final class DemoForm {
  private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
  private static final Pattern TEXTAREA =
      Pattern.compile("<textarea\\b[^>]*\\bname=\"([^\"]+)\"[^>]*>([^<]*)</textarea>");
  private static final Pattern SELECT =
      Pattern.compile("<select\\b[^>]*\\bname=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
  private static final Pattern SELECTED = Pattern.compile("<option value=\"([^\"]*)\" selected>");

  private DemoForm() {}

  /** The fields {@code html}'s form posts when sent unchanged, in page order within each kind. */
  static Map<String, String> fields(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher input = INPUT.matcher(html);
    while (input.find()) {
      attribute(input.group(), "name")
          .ifPresent(
              name -> fields.put(name, unescape(attribute(input.group(), "value").orElse(""))));
    }
    Matcher textarea = TEXTAREA.matcher(html);
    while (textarea.find()) {
      fields.put(textarea.group(1), unescape(textarea.group(2)));
    }
    Matcher select = SELECT.matcher(html);
    while (select.find()) {
      Matcher selected = SELECTED.matcher(select.group(2));
      if (!selected.find()) {
        throw new AssertionError("the demo form's " + select.group(1) + " has no selected option");
      }
      fields.put(select.group(1), selected.group(1));
    }
    if (!fields.containsKey("email")) {
      throw new AssertionError("no demo form with an email field in: " + html);
    }
    return fields;
  }

  /** The text an HTML-escaped value stands for, as a browser reads it. */
  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&#x3D;", "=")
        .replace("&#x60;", "`")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static java.util.Optional<String> attribute(String tag, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }
}
