package com.leadhandoff.escalation;

import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.LeadMailer;
import com.leadhandoff.email.LeadSummary;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadParkedException;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.outcome.OutcomeLinkIssuer;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.LeadRouter;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Hands a qualified lead no rep could be offered at all to the fallback queue: the queue becomes
 * its owner (status QUEUED) through the conditional write every owner takes, and the queue's
 * address gets an alert listing who was skipped and why. Safe to call again for the same lead.
 */
public final class LeadQueue {
  /** History type once the lead is queued and the alert went out. */
  public static final String QUEUED = "QUEUED";

  private final LeadStore leads;
  private final LeadHistory history;
  private final LeadMailer mailer;
  private final OutcomeLinkIssuer outcomeLinks;
  private final Clock clock;
  private final DirectoryConfig.FallbackQueue queue;

  /** One rep passed over, as the alert lists it. */
  record SkippedLine(String text) {}

  /**
   * @param outcomeLinks issues the outcome links of the alert: the queue owns the lead now and
   *     reports what became of it, as an accepting rep does
   * @param queue the queue of {@code config/directory.yaml}, or one named after the install's
   *     fallback manager address when the file names none
   */
  public LeadQueue(
      LeadStore leads,
      LeadHistory history,
      Mailer mailer,
      OutcomeLinkIssuer outcomeLinks,
      Clock clock,
      DirectoryConfig.FallbackQueue queue) {
    this.leads = leads;
    this.history = history;
    this.mailer = new LeadMailer(mailer, history);
    this.outcomeLinks = outcomeLinks;
    this.clock = clock;
    this.queue = queue;
  }

  /**
   * Queues the lead.
   *
   * @return the owner the lead has now: the queue, or whoever owned it already (nothing is sent
   *     then)
   */
  public Owner queue(String leadId) {
    if (leadId == null || leadId.isBlank()) {
      throw new IllegalArgumentException("Queue Lead needs a leadId");
    }
    List<HistoryEvent> events = history.of(leadId);
    Owner claimed = new Owner(queue.email(), queue.name(), queue.email(), Owner.Role.QUEUE);
    if (!leads.claimOwner(leadId, claimed, LeadStatus.QUEUED)) {
      Owner owner =
          find(leadId)
              .owner()
              .orElseThrow(() -> new LeadParkedException(leadId, LeadStatus.QUEUED));
      // A queue owner is our own earlier attempt; it goes on to the alert unless that went out.
      if (owner.role() != Owner.Role.QUEUE
          || events.stream().anyMatch(e -> QUEUED.equals(e.type()))) {
        return owner;
      }
    }
    Optional<HistoryEvent> noRep =
        events.stream().filter(e -> LeadRouter.NO_REP.equals(e.type())).reduce((a, b) -> b);
    String why =
        noRep
            .map(e -> e.details().getOrDefault("reason", ""))
            .filter(r -> !r.isBlank())
            .orElse("no rep could be offered the lead");
    // Claimed before its outcome links are stored, so a retry that may not send stores none.
    Optional<LeadMailer.Claim> claim = mailer.claim(leadId, "queued");
    LeadMailer.Delivery delivery = LeadMailer.Delivery.UNCONFIRMED;
    if (claim.isPresent()) {
      claim
          .get()
          .send(alert(find(leadId), events, noRep, why, outcomeLinks.issue(leadId, claimed)));
      delivery = LeadMailer.Delivery.SENT;
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("queue", queue.name());
    details.put("queueEmail", queue.email());
    details.put("reason", why);
    history.record(
        leadId,
        new HistoryEvent(
            clock.instant(),
            QUEUED,
            "Queued in " + queue.name() + " (" + queue.email() + "): " + why + delivery.note(),
            details));
    return claimed;
  }

  private com.leadhandoff.email.Email alert(
      Lead lead,
      List<HistoryEvent> events,
      Optional<HistoryEvent> noRep,
      String why,
      OutcomeLinkIssuer.Issued outcomes) {
    // Skipped reps are written "rep-id: why; rep-id: why" by the router; before any offer the
    // reasons are the router's own (paused, out of office, at a cap…), never a rep's free text.
    // Owners of the lead's company passed over for the first offer come first, as the router tried
    // them first ("rep-id: owner of account …, but paused").
    List<SkippedLine> skipped =
        Stream.of("ownerSkipped", "skipped")
            .flatMap(key -> noRep.map(e -> e.details().getOrDefault(key, "")).stream())
            .filter(s -> !s.isBlank())
            .flatMap(s -> Arrays.stream(s.split("; ")))
            .map(SkippedLine::new)
            .toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("lead", LeadSummary.of(lead));
    model.put("queue", queue);
    model.put("why", why);
    model.put("team", noRep.map(e -> e.details().getOrDefault("teamId", "")).orElse(""));
    model.put("teamReason", noRep.map(e -> e.details().getOrDefault("teamReason", "")).orElse(""));
    model.put("skipped", skipped);
    model.put("outcomes", outcomes);
    model.put(
        "history",
        events.stream()
            .map(e -> new EscalationAlert.EventLine(LeadSummary.time(e.at()), e.summary()))
            .toList());
    return EmailTemplates.render("queued", queue.email(), model);
  }

  private Lead find(String leadId) {
    return leads
        .find(leadId)
        .orElseThrow(() -> new IllegalStateException("Lead " + leadId + " is not stored"));
  }
}
