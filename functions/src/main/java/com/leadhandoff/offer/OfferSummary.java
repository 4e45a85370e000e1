package com.leadhandoff.offer;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.Score;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a rep needs to decide on an offered lead, as the model the offer email and pages render: who
 * the lead is, the score and every reason behind it, what the lead showed interest in, and the
 * deadline. Values the prospect left empty are left out, so templates can skip them as sections.
 */
final class OfferSummary {
  private OfferSummary() {}

  /**
   * The model for {@code lead} offered through {@code offer}: times on the rep's clock, and the
   * answer window as the SLA states it (the span from offer to deadline for older offers).
   */
  static Map<String, Object> of(Lead lead, Offer offer) {
    ZoneId zone = zone(offer);
    Submission s = lead.submission();
    Map<String, Object> model = new HashMap<>();
    put(model, "repName", offer.repName());
    put(model, "leadName", s.displayName());
    put(model, "company", s.company());
    put(model, "jobTitle", s.jobTitle());
    put(model, "country", s.country());
    put(model, "companySize", s.companySize() == null ? null : s.companySize().toString());
    put(model, "industry", s.industry());
    put(model, "message", s.message());
    put(model, "email", s.email());
    put(model, "phone", s.phone());
    lead.score().ifPresent(score -> model.put("score", score(score)));
    put(model, "formId", s.formId());
    put(model, "utmCampaign", s.utmCampaign());
    put(model, "utmSource", s.utmSource());
    put(model, "utmMedium", s.utmMedium());
    if (!s.pagesViewed().isEmpty()) {
      model.put("pagesViewed", s.pagesViewed());
    }
    model.put(
        "hasInterest",
        model.containsKey("formId")
            || model.containsKey("utmCampaign")
            || model.containsKey("utmSource")
            || model.containsKey("pagesViewed"));
    model.put("attempt", offer.attempt());
    offer.ownership().ifPresent(o -> model.put("ownership", o));
    model.put("offeredAt", OfferTimes.readable(offer.offeredAt(), zone));
    model.put("deadline", OfferTimes.readable(offer.deadline(), zone));
    model.put(
        "answerWindow",
        offer
            .answerWindow()
            .orElseGet(
                () -> OfferTimes.span(Duration.between(offer.offeredAt(), offer.deadline()))));
    return model;
  }

  /** The zone the offer's rep reads times in; UTC when the offer does not say. */
  static ZoneId zone(Offer offer) {
    return offer.repTimeZone().orElse(ZoneOffset.UTC);
  }

  private static Map<String, Object> score(Score score) {
    List<Map<String, String>> reasons =
        score.reasons().stream()
            .map(r -> Map.of("description", r.description(), "points", signed(r.points())))
            .toList();
    Map<String, Object> model = new HashMap<>();
    model.put("points", score.points());
    model.put("tier", tier(score.tier()));
    if (!reasons.isEmpty()) {
      model.put("reasons", reasons);
    }
    return model;
  }

  private static String tier(Score.Tier tier) {
    String name = tier.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String signed(int points) {
    return points > 0 ? "+" + points : Integer.toString(points);
  }

  private static void put(Map<String, Object> model, String key, String value) {
    if (value != null && !value.isBlank()) {
      model.put(key, value);
    }
  }
}
