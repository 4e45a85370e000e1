package com.leadhandoff.followup;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The campaign or offer a lead responded to, as {@code config/follow-ups.yaml} describes it; the
 * prospect's emails carry it.
 *
 * @param title what the prospect asked for, e.g. {@code the 2026 Lead Response Report}; reads after
 *     "Thanks for requesting"
 * @param link where the asset or event is, an http(s) URL
 * @param date the event's date
 * @param offer one or two sentences on what the prospect gets
 */
public record Campaign(
    String title, Optional<String> link, Optional<LocalDate> date, Optional<String> offer) {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

  /**
   * The campaign as the email templates show it: absent parts null, so a template needs only {@code
   * {{#link}}…{{/link}}}; the date written out, e.g. {@code Thursday 10 December 2026}.
   */
  public record View(String title, String link, String date, String offer) {}

  /** This campaign for the email templates. */
  public View view() {
    return new View(
        title, link.orElse(null), date.map(DAY::format).orElse(null), offer.orElse(null));
  }
}
