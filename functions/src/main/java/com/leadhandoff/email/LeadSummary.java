package com.leadhandoff.email;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.Score;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lead as the email templates show it: every field already a display string, blank ones left out
 * (null), so a template needs only {@code {{#phone}}…{{/phone}}} to skip what the prospect did not
 * give.
 *
 * @param greetingName what to call the prospect in a greeting: first name, else full name, else
 *     email
 * @param name full name, falling back to the email address
 * @param contactDetails label/value pairs of every contact field the prospect filled in, in a
 *     stable order
 * @param interest where the prospect came from and what they looked at, as label/value pairs
 * @param points the score, or null before scoring
 * @param tier HOT, WARM or COLD, or null before scoring
 * @param reasons every scoring rule that fired, with signed points
 */
public record LeadSummary(
    String leadId,
    String greetingName,
    String name,
    String email,
    String phone,
    String company,
    String jobTitle,
    String message,
    String receivedAt,
    List<Detail> contactDetails,
    List<Detail> interest,
    List<String> pagesViewed,
    Integer points,
    String tier,
    List<ReasonLine> reasons) {

  // Emails are read by people in several time zones; a time always names its zone.
  private static final DateTimeFormatter IN_ZONE =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm zzz", Locale.ENGLISH);

  /** One labelled value, e.g. {@code Phone: +49 …}. */
  public record Detail(String label, String value) {}

  /** One scoring rule that fired, e.g. {@code +40 Asked for a demo}. */
  public record ReasonLine(String description, String points) {}

  /** The summary of {@code lead}, its times in UTC. */
  public static LeadSummary of(Lead lead) {
    return of(lead, ZoneOffset.UTC);
  }

  /** The summary of {@code lead}, its times on the clocks of {@code zone}. */
  public static LeadSummary of(Lead lead, ZoneId zone) {
    Submission s = lead.submission();
    String first = blankToNull(s.firstName());
    Score score = lead.score().orElse(null);
    return new LeadSummary(
        lead.leadId(),
        first != null ? first : s.displayName(),
        s.displayName(),
        s.email(),
        blankToNull(s.phone()),
        blankToNull(s.company()),
        blankToNull(s.jobTitle()),
        blankToNull(s.message()),
        time(lead.receivedAt(), zone),
        contactDetails(s),
        interest(s),
        s.pagesViewed(),
        score == null ? null : score.points(),
        score == null ? null : score.tier().name(),
        score == null
            ? List.of()
            : score.reasons().stream()
                .map(r -> new ReasonLine(r.description(), signed(r.points())))
                .toList());
  }

  /** An instant as every email shows it, e.g. {@code Mon 23 Nov 2026, 10:15 UTC}. */
  public static String time(Instant instant) {
    return time(instant, ZoneOffset.UTC);
  }

  /**
   * An instant on the clocks of {@code zone}, e.g. {@code Mon 23 Nov 2026, 11:15 CET}; the zone's
   * short name tells the reader which side of a clock change is meant.
   */
  public static String time(Instant instant, ZoneId zone) {
    // The offset Z would print as "Z"; readers expect "UTC".
    ZoneId shown = zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    return IN_ZONE.format(instant.atZone(shown));
  }

  private static List<Detail> contactDetails(Submission s) {
    List<Detail> details = new ArrayList<>();
    add(details, "Email", s.email());
    add(details, "Phone", s.phone());
    add(details, "Company", s.company());
    add(details, "Job title", s.jobTitle());
    add(details, "Country", s.country());
    add(details, "Company size", s.companySize() == null ? null : s.companySize() + " employees");
    add(details, "Industry", s.industry());
    return List.copyOf(details);
  }

  private static List<Detail> interest(Submission s) {
    List<Detail> details = new ArrayList<>();
    add(details, "Form", s.formId());
    add(details, "Campaign", s.utmCampaign());
    add(details, "Source", s.utmSource());
    add(details, "Medium", s.utmMedium());
    return List.copyOf(details);
  }

  private static void add(List<Detail> details, String label, String value) {
    String v = blankToNull(value);
    if (v != null) {
      details.add(new Detail(label, v));
    }
  }

  private static String signed(int points) {
    return points > 0 ? "+" + points : Integer.toString(points);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
