package com.leadhandoff.escalation;

import com.leadhandoff.email.Email;
import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.LeadSummary;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.outcome.OutcomeLinkIssuer;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The manager's alert: the lead, why it was escalated, every offer and the lead's history. */
final class EscalationAlert {
  private EscalationAlert() {}

  /** One offer as the alert lists it. */
  record OfferLine(
      int attempt,
      String repName,
      String repEmail,
      String offeredAt,
      String outcome,
      String when) {}

  /** One history event as the alert lists it. */
  record EventLine(String at, String summary) {}

  static Email render(
      Lead lead,
      List<Offer> offers,
      List<HistoryEvent> history,
      Manager manager,
      String why,
      OutcomeLinkIssuer.Issued outcomes) {
    return EmailTemplates.render(
        "escalation",
        manager.email(),
        Map.of(
            "outcomes", outcomes,
            "lead", LeadSummary.of(lead, manager.zone()),
            "manager", manager,
            "teamName", manager.team().orElse(""),
            "why", why,
            "offers", offers.stream().map(o -> line(o, manager.zone())).toList(),
            "history",
                history.stream()
                    .map(
                        e ->
                            new EventLine(
                                LeadSummary.time(e.at(), manager.zone()),
                                e.summary() == null || e.summary().isBlank()
                                    ? e.type()
                                    : e.summary()))
                    .toList()));
  }

  /** Why the lead reached a manager, in one sentence. */
  static String why(List<Offer> offers) {
    if (offers.isEmpty()) {
      return "no rep was available to offer it to";
    }
    long timedOut = offers.stream().filter(o -> o.status() == OfferStatus.EXPIRED).count();
    long declined = offers.stream().filter(o -> o.status() == OfferStatus.DECLINED).count();
    return "nobody accepted it in time after "
        + plural(offers.size(), "offer")
        + " ("
        + timedOut
        + " timed out, "
        + declined
        + " declined)";
  }

  private static OfferLine line(Offer o, ZoneId zone) {
    String outcome =
        switch (o.status()) {
          case EXPIRED -> "timed out";
          case DECLINED -> "declined: " + o.declineReason().orElse("no reason given");
          case ACCEPTED -> "accepted";
          case OPEN -> "no answer";
        };
    // A timeout happens at the deadline; an answer at the moment the rep gave it.
    String when =
        switch (o.status()) {
          case EXPIRED, OPEN -> "deadline " + LeadSummary.time(o.deadline(), zone);
          case DECLINED, ACCEPTED -> LeadSummary.time(o.answeredAt().orElse(o.deadline()), zone);
        };
    return new OfferLine(
        o.attempt(),
        o.repName(),
        o.repEmail(),
        LeadSummary.time(o.offeredAt(), zone),
        outcome,
        when);
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
