package com.leadhandoff.escalation;

import com.leadhandoff.email.LeadMailer;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadParkedException;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStore;
import com.leadhandoff.outcome.OutcomeLinkIssuer;
import com.leadhandoff.routing.Directory;
import com.leadhandoff.routing.Team;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hands a lead nobody accepted to a manager: the manager of the team it was last offered in (or of
 * the default team), else the install's fallback address. The manager becomes the owner through the
 * same conditional write an accepting rep uses, so a late accept and an escalation never both win.
 */
public final class Escalation {
  /** History type of a completed escalation; its presence makes a retry send nothing. */
  public static final String ESCALATED = "ESCALATED";

  /** History type recorded when a rep already owned the lead at escalation time. */
  public static final String ESCALATION_SKIPPED = "ESCALATION_SKIPPED";

  private final LeadStore leads;
  private final OfferStore offers;
  private final Directory directory;
  private final LeadHistory history;
  private final LeadMailer mailer;
  private final OutcomeLinkIssuer outcomeLinks;
  private final Clock clock;
  private final String fallbackManagerAddress;
  private final Function<String, Optional<ZoneId>> zones;

  /**
   * @param outcomeLinks issues the outcome links of the alert: the manager owns the lead now and
   *     reports what became of it, as an accepting rep does
   * @param settings the fallback manager and the teams' zones
   */
  public Escalation(
      LeadStore leads,
      OfferStore offers,
      Directory directory,
      LeadHistory history,
      Mailer mailer,
      OutcomeLinkIssuer outcomeLinks,
      Clock clock,
      EscalationSettings settings) {
    this.zones = settings.zones();
    this.leads = leads;
    this.offers = offers;
    this.directory = directory;
    this.history = history;
    this.mailer = new LeadMailer(mailer, history);
    this.outcomeLinks = outcomeLinks;
    this.clock = clock;
    this.fallbackManagerAddress = settings.fallbackManagerAddress();
  }

  /** Escalates the lead; safe to call again for the same lead. */
  public EscalationOutcome escalate(String leadId) {
    if (leadId == null || leadId.isBlank()) {
      throw new IllegalArgumentException("Escalate To Manager needs a leadId");
    }
    List<HistoryEvent> events = history.of(leadId);
    if (events.stream().anyMatch(e -> ESCALATED.equals(e.type()))) {
      return new EscalationOutcome.AlreadyEscalated();
    }
    List<Offer> attempts =
        offers.forLead(leadId).stream().sorted(Comparator.comparingInt(Offer::attempt)).toList();
    Manager manager = managerFor(attempts);
    Owner claimed = new Owner(manager.email(), manager.name(), manager.email(), Owner.Role.MANAGER);
    Owner owner =
        leads.claimOwner(leadId, claimed, LeadStatus.ESCALATED)
            ? claimed
            : find(leadId)
                .owner()
                .orElseThrow(() -> new LeadParkedException(leadId, LeadStatus.ESCALATED));
    if (owner.role() == Owner.Role.REP) {
      // An accept won the race against the timeout: the rep keeps the lead.
      if (events.stream().noneMatch(e -> ESCALATION_SKIPPED.equals(e.type()))) {
        history.record(leadId, skipped(owner));
      }
      return new EscalationOutcome.OwnedByRep(owner.id());
    }
    // A manager owner here is our own earlier attempt that stopped before recording the alert.
    Manager alerted =
        owner.email().equals(manager.email())
            ? manager
            : new Manager(owner.name(), owner.email(), Optional.empty(), false, manager.zone());
    String why = EscalationAlert.why(attempts);
    // Claimed before its outcome links are stored, so a retry that may not send stores none.
    Optional<LeadMailer.Claim> claim = mailer.claim(leadId, "escalation");
    LeadMailer.Delivery delivery = LeadMailer.Delivery.UNCONFIRMED;
    if (claim.isPresent()) {
      claim
          .get()
          .send(
              EscalationAlert.render(
                  find(leadId), attempts, events, alerted, why, outcomeLinks.issue(leadId, owner)));
      delivery = LeadMailer.Delivery.SENT;
    }
    history.record(leadId, escalated(alerted, why + delivery.note(), attempts.size()));
    return new EscalationOutcome.Escalated(alerted.email(), alerted.fallback());
  }

  private Lead find(String leadId) {
    return leads
        .find(leadId)
        .orElseThrow(() -> new IllegalStateException("Lead " + leadId + " is not stored"));
  }

  private Manager managerFor(List<Offer> attempts) {
    Optional<Team> lastOffered =
        attempts.isEmpty()
            ? Optional.empty()
            : Optional.ofNullable(attempts.get(attempts.size() - 1).teamId())
                .flatMap(directory::team);
    Optional<Team> team = lastOffered.or(directory::defaultTeam);
    ZoneId zone = team.flatMap(t -> zones.apply(t.teamId())).orElse(ZoneOffset.UTC);
    return team.filter(t -> t.managerEmail() != null && !t.managerEmail().isBlank())
        .map(
            t ->
                new Manager(
                    t.managerName() == null || t.managerName().isBlank()
                        ? t.managerEmail()
                        : t.managerName(),
                    t.managerEmail(),
                    Optional.ofNullable(t.name()),
                    false,
                    zone))
        .orElseGet(
            () ->
                new Manager(
                    fallbackManagerAddress,
                    fallbackManagerAddress,
                    team.map(Team::name),
                    true,
                    zone));
  }

  private HistoryEvent escalated(Manager manager, String why, int offerCount) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("managerName", manager.name());
    details.put("managerEmail", manager.email());
    details.put("fallbackManager", Boolean.toString(manager.fallback()));
    manager.team().ifPresent(t -> details.put("team", t));
    details.put("offers", Integer.toString(offerCount));
    return new HistoryEvent(
        clock.instant(),
        ESCALATED,
        "Escalated to " + manager.name() + " (" + manager.email() + "): " + why,
        details);
  }

  private HistoryEvent skipped(Owner rep) {
    return new HistoryEvent(
        clock.instant(),
        ESCALATION_SKIPPED,
        "Not escalated: " + rep.name() + " accepted the lead first and keeps it",
        Map.of("repId", rep.id()));
  }
}
