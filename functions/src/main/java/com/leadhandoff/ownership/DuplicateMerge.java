package com.leadhandoff.ownership;

import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.LeadSummary;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadIndexUnavailableException;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.offer.OfferStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Match Lead}: a submission from the address of an open lead is the same prospect again,
 * also when many arrive at the same moment from different forms: which open lead that is, is
 * decided by one conditional claim on the address ({@link MergeTargets}). It is merged into the
 * open lead instead of starting a second handoff: the new lead becomes {@code MERGED} pointing at
 * it, the open lead's history gets the new submission, and whoever has the open lead is told — its
 * owner (the rep who accepted it, or the manager it was escalated to), else the rep holding its
 * open offer. With neither (it is being scored, or between two offers) nobody is emailed: the entry
 * in its history reaches the rep who accepts it, in the accepted email, and a manager in the
 * escalation alert.
 *
 * <p>Safe to retry: a merged lead keeps the lead it was merged into, and the entries and the email
 * are written once — the history is checked first, as escalation does, so only a crash between
 * sending the email and recording it sends it twice.
 */
public final class DuplicateMerge {
  /** History type on the new lead: merged into an open lead. */
  public static final String MERGED = "MERGED";

  /** History type when the address index could not be read, so the lead went on unchecked. */
  public static final String DUPLICATE_CHECK_SKIPPED = "DUPLICATE_CHECK_SKIPPED";

  /** History type on the open lead: the same prospect submitted again, as another lead. */
  public static final String SUBMITTED_AGAIN = "SUBMITTED_AGAIN";

  private final LeadStore leads;
  private final OfferStore offers;
  private final LeadHistory history;
  private final Mailer mailer;
  private final Clock clock;
  private final MergeTargets targets;

  /**
   * @param targets decides, by the claim on the address, which open lead a new lead joins
   */
  public DuplicateMerge(
      LeadStore leads,
      OfferStore offers,
      LeadHistory history,
      Mailer mailer,
      Clock clock,
      MergeTargets targets) {
    this.leads = leads;
    this.offers = offers;
    this.history = history;
    this.mailer = mailer;
    this.clock = clock;
    this.targets = targets;
  }

  /** Merges lead {@code leadId} into the open lead of its address, if there is one. */
  public MatchResult match(String leadId) {
    if (leadId == null || leadId.isBlank()) {
      throw new IllegalArgumentException("Match Lead needs {\"leadId\": ...}, got no leadId");
    }
    Lead lead = find(leadId);
    Optional<Lead> target;
    if (lead.status() == LeadStatus.MERGED) {
      // A retry: the decision was made and stands.
      target = Optional.of(find(lead.mergedInto().orElseThrow()));
    } else if (lead.status() != LeadStatus.RECEIVED || lead.owner().isPresent()) {
      return MatchResult.notDuplicate();
    } else {
      MergeTarget decided = targets.of(lead);
      if (decided instanceof MergeTarget.HandOff handOff) {
        // A stack upgraded to the index, before DynamoDB finished it: leads stored before address
        // claims could not be looked up, so the lead was handed off as new.
        handOff.unchecked().ifPresent(e -> noteUnchecked(leadId, e));
        return MatchResult.notDuplicate();
      }
      target = Optional.of(((MergeTarget.Join) decided).into());
    }
    Lead into = target.get();
    if (!leads.markMerged(leadId, into.leadId())) {
      throw new IllegalStateException(
          "Lead " + leadId + " could not be merged into " + into.leadId() + ": it has an owner");
    }
    // Merged away: if it ever held its address, the lead it joined is the one open lead now.
    targets.release(lead);
    List<HistoryEvent> intoHistory = history.of(into.leadId());
    Optional<Recipient> told = recipient(into);
    boolean recorded =
        intoHistory.stream()
            .anyMatch(
                e ->
                    SUBMITTED_AGAIN.equals(e.type())
                        && leadId.equals(e.details().get("mergedLeadId")));
    if (!recorded) {
      told.ifPresent(r -> mailer.send(email(r, lead, into)));
      history.record(into.leadId(), submittedAgain(lead, into, told));
    }
    if (history.of(leadId).stream().noneMatch(e -> MERGED.equals(e.type()))) {
      history.record(leadId, merged(into, told));
    }
    return new MatchResult(true, into.leadId(), told.map(Recipient::email).orElse(null));
  }

  /** Says once in the lead's history that it could not be checked for an open lead. */
  private void noteUnchecked(String leadId, LeadIndexUnavailableException e) {
    if (history.of(leadId).stream().noneMatch(ev -> DUPLICATE_CHECK_SKIPPED.equals(ev.type()))) {
      history.record(
          leadId,
          new HistoryEvent(
              clock.instant(),
              DUPLICATE_CHECK_SKIPPED,
              "Not checked for an open lead of the same address ("
                  + e.getMessage()
                  + "); handed off as a new lead",
              Map.of("error", e.getMessage())));
    }
  }

  /** Who has the open lead: its owner, else the rep whose offer of it is open. */
  private Optional<Recipient> recipient(Lead into) {
    if (into.owner().isPresent()) {
      Owner owner = into.owner().get();
      return Optional.of(
          new Recipient(
              owner.name(),
              owner.email(),
              switch (owner.role()) {
                case REP -> "owner";
                case MANAGER -> "manager";
                case QUEUE -> "queue";
              },
              switch (owner.role()) {
                case REP -> "You own their open lead, so it stays with you.";
                case MANAGER -> "Their open lead was escalated to you, so it stays with you.";
                case QUEUE ->
                    "Their open lead waits in the fallback queue, which you watch; it stays there"
                        + " with this submission added.";
              }));
    }
    return offers.forLead(into.leadId()).stream()
        .filter(o -> o.status() == OfferStatus.OPEN)
        .max(Comparator.comparingInt(Offer::attempt))
        .map(
            o ->
                new Recipient(
                    o.repName(),
                    o.repEmail(),
                    "offered",
                    "Their open lead is offered to you and waits for your answer; the link in"
                        + " the offer email still works."));
  }

  private static com.leadhandoff.email.Email email(Recipient to, Lead lead, Lead into) {
    // The new submission's details under the open lead's id and score: it is that lead now.
    Lead shown =
        new Lead(
            into.leadId(),
            lead.receivedAt(),
            lead.submission(),
            into.status(),
            into.score(),
            into.owner());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("recipientName", to.name());
    model.put("relation", to.relation());
    model.put("lead", LeadSummary.of(shown));
    model.put("form", form(lead.submission()));
    model.put("openLeadId", into.leadId());
    model.put("mergedLeadId", lead.leadId());
    return EmailTemplates.render("submitted-again", to.email(), model);
  }

  private HistoryEvent submittedAgain(Lead lead, Lead into, Optional<Recipient> told) {
    Submission s = lead.submission();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("mergedLeadId", lead.leadId());
    details.put("receivedAt", lead.receivedAt().toString());
    details.put("email", s.email());
    put(details, "formId", s.formId());
    put(details, "utmSource", s.utmSource());
    put(details, "utmMedium", s.utmMedium());
    put(details, "utmCampaign", s.utmCampaign());
    put(details, "message", s.message());
    if (!s.pagesViewed().isEmpty()) {
      details.put("pagesViewed", String.join(", ", s.pagesViewed()));
    }
    told.ifPresent(
        r -> {
          details.put("toldName", r.name());
          details.put("toldEmail", r.email());
          details.put("toldAs", r.role());
        });
    String summary =
        "Submitted again from "
            + form(s)
            + " ("
            + s.email()
            + ") as lead "
            + lead.leadId()
            + ", merged here instead of a second handoff"
            + (s.message() == null || s.message().isBlank()
                ? ""
                : "; their message: \"" + s.message().strip() + "\"")
            + told.map(r -> "; told " + r.name() + " (" + r.role() + ")")
                .orElse("; nobody to tell yet (no owner, no open offer)");
    return new HistoryEvent(clock.instant(), SUBMITTED_AGAIN, summary, details);
  }

  private HistoryEvent merged(Lead into, Optional<Recipient> told) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("mergedInto", into.leadId());
    details.put("openLeadStatus", into.status().name());
    into.owner().ifPresent(o -> details.put("openLeadOwner", o.name()));
    told.ifPresent(r -> details.put("toldEmail", r.email()));
    String summary =
        "Merged into open lead "
            + into.leadId()
            + " ("
            + into.status().name().toLowerCase(java.util.Locale.ROOT)
            + into.owner().map(o -> ", owned by " + o.name()).orElse("")
            + ") from the same email address; not handed off again"
            + told.map(r -> "; " + r.name() + " told").orElse("");
    return new HistoryEvent(clock.instant(), MERGED, summary, details);
  }

  private static String form(Submission s) {
    return s.formId() == null ? "the web form" : "form " + s.formId();
  }

  private static void put(Map<String, String> details, String name, String value) {
    if (value != null && !value.isBlank()) {
      details.put(name, value);
    }
  }

  /**
   * GetItem Leads, once per Take In Lead invocation (its steps share it): the lead's status and
   * owner as stored now decide a retry, so the execution's input, written before, cannot.
   */
  private Lead find(String leadId) {
    return leads
        .find(leadId)
        .orElseThrow(
            () -> new IllegalArgumentException("Lead " + leadId + " is not stored; cannot match"));
  }

  /**
   * Who is told of the new submission.
   *
   * @param role owner, manager or offered, for the history
   * @param relation the email's sentence on why they are told
   */
  private record Recipient(String name, String email, String role, String relation) {}
}
