package com.leadhandoff.ownership;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadIndexUnavailableException;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.OpenLeads;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.task.TransientFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Decides, race-free, which open lead a new submission joins. Every submission from an address
 * competes for one conditional claim on it ({@link AddressClaims}); the lead the claim names is the
 * one open lead of that address, and everything else from the address is merged into it. A query of
 * the {@code byEmail} index followed by a write could not do this: leads sent at the same moment do
 * not see each other in an index that is updated after they are stored.
 *
 * <p>The claim's holder is joined while it is, or may still be, worked by sales:
 *
 * <ul>
 *   <li>past scoring (routing, accepted, escalated, queued), or scored for sales: joined;
 *   <li>not scored yet: joined when the new lead arrived {@linkplain #TOGETHER together} with it
 *       (one prospect's burst of forms is one lead, whatever the score turns out to be); otherwise
 *       the new lead is handed off beside it and the claim stays (the holder's scoring is stuck or
 *       retrying, and a later demo request should not wait on it or follow it to marketing);
 *   <li>scored below the threshold (bound for nurture), or no longer open (nurtured, recycled,
 *       parked, merged, past its window, gone): the claim is stale and the new lead takes it over,
 *       conditionally on the stale holder, so of several leads racing to take it over one wins.
 * </ul>
 */
public final class MergeTargets {
  /**
   * How close in time two submissions must be received to count as arriving together, while the
   * first is still unscored. Scoring takes milliseconds, so a second submission typed by a person
   * finds the first scored; an unscored holder means a burst sent at once, or a stuck scoring.
   */
  public static final Duration TOGETHER = Duration.ofMinutes(1);

  /** Claims lost to a concurrent change before giving up for the state machine to retry. */
  private static final int ATTEMPTS = 8;

  private final LeadStore leads;
  private final AddressClaims claims;
  private final Clock clock;
  private final OpenLeads open;

  public MergeTargets(LeadStore leads, AddressClaims claims, Clock clock, OpenLeads open) {
    this.leads = leads;
    this.claims = claims;
    this.clock = clock;
    this.open = open;
  }

  /**
   * Where {@code lead}, just received, goes: into the open lead holding its address, or on as a new
   * lead. Deciding again for the same lead (a retried step) decides the same while nothing closed
   * meanwhile.
   */
  public MergeTarget of(Lead lead) {
    String email = lead.submission().email();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      // The index query comes first, so that a free address is claimed at once for the lead it
      // belongs to: one conditional put that also returns the claim it found (a claim read and
      // then written cost a request more; the query is needed whenever the address is free).
      Optional<Lead> earlier;
      Optional<LeadIndexUnavailableException> unchecked = Optional.empty();
      try {
        earlier = unclaimedOpenLead(lead, now);
      } catch (LeadIndexUnavailableException e) {
        earlier = Optional.empty();
        unchecked = Optional.of(e);
      }
      Lead candidate = earlier.orElse(lead);
      Optional<AddressClaim> claim =
          claims.claimOrGet(email, candidate.leadId(), expiry(candidate));
      if (claim.isEmpty()) {
        // Nobody held it: an earlier submission's lead, or this one, holds it now.
        return earlier.isPresent()
            ? new MergeTarget.Join(candidate)
            : new MergeTarget.HandOff(unchecked);
      }
      String holderId = claim.get().holderLeadId();
      if (holderId.equals(lead.leadId())) {
        return MergeTarget.HandOff.checked();
      }
      Optional<Lead> holder = leads.find(holderId);
      if (holder.isPresent() && joins(holder.get(), lead, now)) {
        return new MergeTarget.Join(holder.get());
      }
      if (holder.isPresent() && handedOffBeside(holder.get(), now)) {
        return MergeTarget.HandOff.checked();
      }
      if (claims.takeOver(email, holderId, lead.leadId(), expiry(lead))) {
        return MergeTarget.HandOff.checked();
      }
    }
    throw new TransientFailure(
        "The claim on the address of lead "
            + lead.leadId()
            + " changed "
            + ATTEMPTS
            + " times while Match Lead read it; retrying the step",
        null);
  }

  /** Gives up {@code lead}'s claim on its address, if it holds it: it is closed. */
  public void release(Lead lead) {
    claims.release(lead.submission().email(), lead.leadId());
  }

  /**
   * An open lead from the same address that holds no claim: stored before claims existed. Only one
   * past its own Match Lead (so going to sales) is chosen; an unscored one competes for the claim
   * itself. An owned lead comes first (its owner is the one to tell), then the earliest.
   */
  private Optional<Lead> unclaimedOpenLead(Lead lead, Instant now) {
    // Two leads of the same instant: the one already past this step came first; two that are both
    // still here are ordered by id.
    Comparator<Lead> arrival =
        Comparator.comparing(Lead::receivedAt)
            .thenComparing(other -> other.status() == LeadStatus.RECEIVED)
            .thenComparing(Lead::leadId);
    // Query Leads byEmail: open leads stored before address claims existed hold no claim; only the
    // index finds them, until every such lead is past the open-lead window.
    return leads.withEmail(lead.submission().email(), open.since(now)).stream()
        .filter(other -> !other.leadId().equals(lead.leadId()))
        // The index is eventually consistent: decide on the lead as stored now.
        .flatMap(other -> leads.find(other.leadId()).stream())
        .filter(other -> arrival.compare(other, lead) < 0)
        .filter(other -> open.isOpen(other, now))
        .filter(MergeTargets::goingToSales)
        .min(
            Comparator.<Lead, Boolean>comparing(other -> other.owner().isEmpty())
                .thenComparing(arrival));
  }

  /** Whether {@code lead} joins {@code holder}: see the class comment. */
  private boolean joins(Lead holder, Lead lead, Instant now) {
    if (!open.isOpen(holder, now) || holder.leadId().equals(lead.leadId())) {
      return false;
    }
    return goingToSales(holder) || (unscored(holder) && together(holder, lead));
  }

  /** An open holder still unscored long after the new lead: hand off beside it, keep its claim. */
  private boolean handedOffBeside(Lead holder, Instant now) {
    return open.isOpen(holder, now) && unscored(holder);
  }

  /**
   * Whether the open lead is, or will be, worked by sales: not one still waiting for its score, or
   * scored below the threshold and on its way to nurture — merged into such a lead, a demo request
   * sent seconds after a newsletter sign-up would go to marketing with it.
   */
  private static boolean goingToSales(Lead other) {
    return other.status() != LeadStatus.RECEIVED
        || other.score().map(Score::qualified).orElse(false);
  }

  private static boolean unscored(Lead lead) {
    return lead.status() == LeadStatus.RECEIVED && lead.score().isEmpty();
  }

  private static boolean together(Lead a, Lead b) {
    return Duration.between(a.receivedAt(), b.receivedAt()).abs().compareTo(TOGETHER) <= 0;
  }

  /** The claim lasts as long as its holder can be open; TTL removes it after that. */
  private Instant expiry(Lead holder) {
    return holder.receivedAt().plus(open.window());
  }
}
