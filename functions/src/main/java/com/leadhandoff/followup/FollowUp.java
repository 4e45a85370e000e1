package com.leadhandoff.followup;

import com.leadhandoff.email.Email;
import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.LeadMailer;
import com.leadhandoff.email.LeadSummary;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.outcome.OutcomeLinkIssuer;
import com.leadhandoff.ownership.DuplicateMerge;
import com.leadhandoff.routing.Directory;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After a rep accepted: introduces the rep to the prospect and confirms the lead to the rep, with
 * the outcome links that close the loop. Each email goes out at most once ({@link LeadMailer}) and
 * is recorded in the lead's history, so a retried step sends neither twice.
 */
public final class FollowUp {
  /** History type once both emails went out. */
  public static final String FOLLOWED_UP = "FOLLOWED_UP";

  /** History type once the prospect's introduction went out. */
  public static final String PROSPECT_INTRODUCED = "PROSPECT_INTRODUCED";

  private final LeadStore leads;
  private final Directory directory;
  private final LeadHistory history;
  private final LeadMailer mailer;
  private final Clock clock;
  private final FollowUps followUps;
  private final OutcomeLinkIssuer outcomeLinks;

  /**
   * @param followUps which introduction template and campaign each lead gets
   * @param outcomeLinks issues the outcome links of the rep's "You own this lead" email
   */
  public FollowUp(
      LeadStore leads,
      Directory directory,
      LeadHistory history,
      Mailer mailer,
      Clock clock,
      FollowUps followUps,
      OutcomeLinkIssuer outcomeLinks) {
    this.followUps = followUps;
    this.outcomeLinks = outcomeLinks;
    this.leads = leads;
    this.directory = directory;
    this.history = history;
    this.mailer = new LeadMailer(mailer, history);
    this.clock = clock;
  }

  /** The rep who accepted, as the emails name them. */
  record RepContact(String name, String email) {}

  /**
   * Follows up the lead; safe to call again.
   *
   * @throws LeadNotAccepted if no rep owns the lead
   */
  public FollowUpOutcome followUp(String leadId) {
    if (leadId == null || leadId.isBlank()) {
      throw new IllegalArgumentException("Follow Up needs a leadId");
    }
    Lead lead =
        leads
            .find(leadId)
            .orElseThrow(() -> new IllegalStateException("Lead " + leadId + " is not stored"));
    Owner owner =
        lead.owner()
            .filter(o -> o.role() == Owner.Role.REP)
            .orElseThrow(
                () ->
                    new LeadNotAccepted(
                        "Lead "
                            + leadId
                            + " has no rep owner ("
                            + lead.owner().map(o -> o.role() + " " + o.email()).orElse("no owner")
                            + "); nothing to follow up"));
    List<HistoryEvent> events = history.of(leadId);
    List<String> done = events.stream().map(HistoryEvent::type).toList();
    if (done.contains(FOLLOWED_UP)) {
      return new FollowUpOutcome.AlreadyFollowedUp(owner.id());
    }
    // The directory has the rep's current name and address; the owner record is the fallback for
    // a rep removed from it since accepting.
    RepContact rep =
        directory
            .rep(owner.id())
            .map(r -> new RepContact(r.name(), r.email()))
            .orElse(new RepContact(owner.name(), owner.email()));
    // Submissions merged into the lead while it was open reach the owner here.
    List<Map<String, String>> submittedAgain =
        events.stream()
            .filter(e -> DuplicateMerge.SUBMITTED_AGAIN.equals(e.type()))
            .map(e -> Map.of("at", LeadSummary.time(e.at()), "summary", e.summary()))
            .toList();
    FollowUps.Choice choice = followUps.choose(lead);
    Map<String, Object> model = new HashMap<>();
    model.put("lead", LeadSummary.of(lead));
    model.put("rep", rep);
    model.put("submittedAgain", submittedAgain);
    choice.campaign().ifPresent(c -> model.put("campaign", c.view()));
    if (!done.contains(PROSPECT_INTRODUCED)) {
      LeadMailer.Delivery intro =
          mailer.send(
              leadId,
              "intro",
              // From the rep: the prospect's reply goes to them, not to the sender address.
              EmailTemplates.renderToProspect(
                      choice.template(),
                      lead.submission().email(),
                      model,
                      leadId,
                      Email.Kind.COMMERCIAL)
                  .withReplyTo(rep.email()));
      history.record(
          leadId,
          new HistoryEvent(
              clock.instant(),
              PROSPECT_INTRODUCED,
              (intro == LeadMailer.Delivery.HELD_BACK ? "Did not introduce " : "Introduced ")
                  + rep.name()
                  + " to the prospect by email ("
                  + choice.why()
                  + ", template "
                  + choice.template()
                  + ")"
                  + intro.note(),
              Map.of("repId", owner.id(), "template", choice.template())));
      model.put("introHeldBack", intro == LeadMailer.Delivery.HELD_BACK);
    }
    // Claimed before its outcome link is stored, so a retry that may not send stores none.
    Optional<LeadMailer.Claim> claim = mailer.claim(leadId, "accepted");
    LeadMailer.Delivery told = LeadMailer.Delivery.UNCONFIRMED;
    if (claim.isPresent()) {
      model.put("outcomes", outcomeLinks.issue(leadId, owner));
      claim.get().send(EmailTemplates.render("accepted", rep.email(), model));
      told = LeadMailer.Delivery.SENT;
    }
    if (lead.status() != LeadStatus.ACCEPTED) {
      leads.setStatus(leadId, LeadStatus.ACCEPTED);
    }
    history.record(
        leadId,
        event(
            FOLLOWED_UP,
            rep.name()
                + " was sent the lead's details and introduced to the prospect"
                + told.note(),
            owner.id()));
    return new FollowUpOutcome.FollowedUp(owner.id());
  }

  private HistoryEvent event(String type, String summary, String repId) {
    return new HistoryEvent(clock.instant(), type, summary, Map.of("repId", repId));
  }
}
