package com.leadhandoff.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks prospects' and reps' personal data (email addresses, names, phone numbers) before text goes
 * into a log line: logs are kept for weeks and read by people who need the lead's id, not its
 * owner's address. A lead's id finds the full record in the history.
 */
public final class PersonalData {
  private static final Pattern EMAIL =
      Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+'-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
  // Seven or more digits, optionally with a leading + and spaces, dots, dashes or brackets between.
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");

  private PersonalData() {}

  /** {@code vera.kim@acme.com} becomes {@code v***@acme.com}: the domain stays, for support. */
  public static String email(String address) {
    return address == null ? null : scrub(address);
  }

  /** {@code Vera Kim} becomes {@code V*** K***}. */
  public static String name(String name) {
    if (name == null) {
      return null;
    }
    StringBuilder masked = new StringBuilder();
    for (String part : name.trim().split("\\s+")) {
      if (!part.isEmpty()) {
        masked.append(masked.length() == 0 ? "" : " ").append(part.charAt(0)).append("***");
      }
    }
    return masked.toString();
  }

  /** {@code +49 170 1234567} becomes {@code ***67}. */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("\\D", "");
    return "***" + digits.substring(Math.max(0, digits.length() - 2));
  }

  /**
   * Masks every email address and phone number inside free text, such as an error message that
   * quotes what a form sent.
   */
  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    String masked = EMAIL.matcher(text).replaceAll("$1***@$2");
    Matcher phones = PHONE.matcher(masked);
    StringBuilder out = new StringBuilder();
    while (phones.find()) {
      phones.appendReplacement(out, Matcher.quoteReplacement(phone(phones.group())));
    }
    phones.appendTail(out);
    return out.toString();
  }
}
