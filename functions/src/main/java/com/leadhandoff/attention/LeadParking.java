package com.leadhandoff.attention;

import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.LeadSummary;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.offer.OfferStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last line of defence: a workflow step failed after its retries. The lead (if there is one) is
 * marked NEEDS_ATTENTION, any offer of it still open is closed (its workflow will never resume, and
 * the rep's place under their cap comes back), and the fallback manager is alerted, whatever shape
 * the failure came in; only a failure of storage or email itself escapes, for the state machine to
 * retry.
 */
public final class LeadParking {
  /** History type of a parked lead. */
  public static final String NEEDS_ATTENTION = "NEEDS_ATTENTION";

  /** History type of a further incident about a lead already parked. */
  public static final String ALSO_FAILED = "ALSO_FAILED";

  private final LeadStore leads;
  private final OfferStore offers;
  private final LeadHistory history;
  private final Mailer mailer;
  private final Clock clock;
  private final String fallbackManagerAddress;

  /**
   * @param fallbackManagerAddress who is alerted about every parked lead
   */
  public LeadParking(
      LeadStore leads,
      OfferStore offers,
      LeadHistory history,
      Mailer mailer,
      Clock clock,
      String fallbackManagerAddress) {
    this.leads = leads;
    this.offers = offers;
    this.history = history;
    this.mailer = mailer;
    this.clock = clock;
    this.fallbackManagerAddress = fallbackManagerAddress;
  }

  /** Parks the incident's lead and alerts; a retry of the same execution alerts once. */
  public ParkOutcome park(Incident incident) {
    return park(incident, Optional.empty());
  }

  /**
   * Parks the incident's lead only if it is still in {@code stillIn} when given: a lead that moved
   * on since it was found is left alone, and nobody is alerted about it.
   */
  public ParkOutcome park(Incident incident, Optional<LeadStatus> stillIn) {
    Optional<String> leadId = incident.leadId();
    if (leadId.isPresent() && alreadyParked(leadId.get(), incident.executionId())) {
      return new ParkOutcome(leadId, true, false);
    }
    Optional<Lead> lead = leadId.flatMap(leads::find);
    if (lead.isPresent() && lead.get().status() == LeadStatus.NEEDS_ATTENTION) {
      // Parked already, by the watchdog or another incident (a step of an execution the watchdog
      // stopped fails on the parked lead): the manager has the first alert; one more says nothing.
      history.record(
          lead.get().leadId(),
          new HistoryEvent(
              clock.instant(),
              ALSO_FAILED,
              "Already parked; "
                  + incident
                      .foundBy()
                      .map(f -> "the watchdog also found: " + f)
                      .orElse("its workflow also failed with " + incident.error())
                  + " (no second alert)",
              Map.of("executionId", incident.executionId(), "error", incident.error())));
      return new ParkOutcome(leadId, true, false);
    }
    if (lead.isPresent() && stillIn.isPresent()) {
      if (!leads.setStatusIf(lead.get().leadId(), stillIn.get(), LeadStatus.NEEDS_ATTENTION)) {
        return new ParkOutcome(leadId, false, false);
      }
    } else {
      lead.ifPresent(l -> leads.setStatus(l.leadId(), LeadStatus.NEEDS_ATTENTION));
    }
    Instant now = clock.instant();
    List<Offer> closed = lead.map(l -> closeOpenOffers(l.leadId(), now)).orElse(List.of());
    mailer.send(alert(incident, lead, now));
    leadId.ifPresent(id -> history.record(id, event(incident, now, closed)));
    return new ParkOutcome(leadId, lead.isPresent(), true);
  }

  /**
   * Expires the lead's open offers: the wait they belong to is gone with the failed execution, so
   * an accept could never resume it, and each open offer holds a place under its rep's cap.
   */
  private List<Offer> closeOpenOffers(String leadId, Instant now) {
    return offers.forLead(leadId).stream()
        .filter(o -> o.status() == OfferStatus.OPEN)
        .filter(o -> offers.expire(leadId, o.offerId(), now))
        .toList();
  }

  private boolean alreadyParked(String leadId, String executionId) {
    return history.of(leadId).stream()
        .anyMatch(
            e ->
                NEEDS_ATTENTION.equals(e.type())
                    && executionId.equals(e.details().get("executionId")));
  }

  private com.leadhandoff.email.Email alert(Incident incident, Optional<Lead> lead, Instant now) {
    Map<String, Object> model = new HashMap<>();
    model.put("incident", incident);
    model.put("leadId", incident.leadId().orElse(null));
    model.put("at", LeadSummary.time(now));
    incident.foundBy().ifPresent(finding -> model.put("foundBy", finding));
    lead.ifPresent(
        l -> {
          model.put("lead", LeadSummary.of(l));
          model.put("previousStatus", l.status().name());
          l.owner().ifPresent(o -> model.put("owner", o.name() + " (" + o.email() + ")"));
        });
    if (incident.leadId().isPresent() && lead.isEmpty()) {
      model.put("unknownLead", true);
    }
    return EmailTemplates.render("needs-attention", fallbackManagerAddress, model);
  }

  private static HistoryEvent event(Incident incident, Instant now, List<Offer> closed) {
    Map<String, String> details = new HashMap<>();
    details.put("executionId", incident.executionId());
    details.put("error", incident.error());
    details.put("cause", incident.message());
    incident.foundBy().ifPresent(finding -> details.put("foundBy", "watchdog"));
    if (!closed.isEmpty()) {
      details.put("closedOffers", String.join(",", closed.stream().map(Offer::offerId).toList()));
    }
    return new HistoryEvent(
        now,
        NEEDS_ATTENTION,
        incident
                .foundBy()
                .map(finding -> "The watchdog found it: " + finding)
                .orElse("Workflow failed with " + incident.error())
            + "; parked for a person to look at and the manager alerted"
            + (closed.isEmpty()
                ? ""
                : "; closed the open offer to "
                    + String.join(", ", closed.stream().map(Offer::repName).toList())),
        details);
  }
}
