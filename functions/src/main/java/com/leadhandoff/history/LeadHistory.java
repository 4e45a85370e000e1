package com.leadhandoff.history;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Every decision made about a lead, oldest first. */
public interface LeadHistory {
  /** Appends an event to the lead's history. */
  void record(String leadId, HistoryEvent event);

  /**
   * Makes {@code change} and appends {@code event}, which records it: in one request, all or
   * nothing, where the store can write both (DynamoDB's TransactWriteItems); else the change first
   * and then the entry, as a step would do it by hand.
   *
   * @return false when a condition of the change refused it: nothing was changed or recorded
   */
  default boolean recordWith(String leadId, HistoryEvent event, Change change) {
    if (!change.make()) {
      return false;
    }
    record(leadId, event);
    return true;
  }

  /**
   * Appends {@code events}, in their order, in one request, all or nothing, where the store can
   * write them so (DynamoDB's TransactWriteItems); else one after the other. Entries at the same
   * instant keep the list's order in {@link #of}.
   */
  default void recordAll(String leadId, List<HistoryEvent> events) {
    events.forEach(event -> record(leadId, event));
  }

  /**
   * Appends {@code event} unless {@code action} was claimed already, for an entry that several
   * writers may each find missing at the same moment (an accept and a reminder finishing it): the
   * claim and the entry in one request, all or nothing, where the store can write both (DynamoDB's
   * TransactWriteItems); else the claim, then the entry, giving the claim up if the entry fails.
   *
   * @return false when the claim was taken already: nothing was recorded
   */
  default boolean recordOnce(String leadId, String action, HistoryEvent event) {
    if (!claim(leadId, action)) {
      return false;
    }
    releasingOnFailure(
        leadId,
        action,
        () -> {
          record(leadId, event);
          return true;
        });
    return true;
  }

  /**
   * Claims {@code action} as {@link #claim} does and makes {@code change} with it: in one request,
   * all or nothing, where the store can write both (DynamoDB's TransactWriteItems); else the claim
   * first, then the change, giving the claim up again if the change fails. For what must be stored
   * before the claimed action happens (an email's unsubscribe link before the email goes).
   *
   * @return false when the claim was taken already: the change was not made
   * @throws RuntimeException when a condition of the change refused it (the claim is not kept)
   */
  default boolean claimWith(String leadId, String action, Change change) {
    if (!claim(leadId, action)) {
      return false;
    }
    boolean made = releasingOnFailure(leadId, action, change::make);
    if (!made) {
      release(leadId, action);
      throw new IllegalStateException(
          "The change claimed with " + action + " of lead " + leadId + " was refused");
    }
    return true;
  }

  /**
   * Runs {@code step} after {@code action} was claimed; if it throws, the claim is given up again
   * (a failure to give it up is added to the step's) and the step's exception is thrown.
   */
  private boolean releasingOnFailure(String leadId, String action, BooleanSupplier step) {
    try {
      return step.getAsBoolean();
    } catch (RuntimeException e) {
      try {
        release(leadId, action);
      } catch (RuntimeException releaseFailed) {
        e.addSuppressed(releaseFailed);
      }
      throw e;
    }
  }

  /**
   * Takes {@code claim} when given, makes {@code change} and appends {@code events} in their order
   * (entries at the same instant keep it in {@link #of}): in one request, all or nothing, where the
   * store can write them so (DynamoDB's TransactWriteItems, for per-lead items only); else by hand,
   * the claim first, given up again when the change is refused or fails. For a step that writes
   * what several steps decided at once, before the email one of them claims (Take In Lead).
   *
   * @param claim a once-only action, as {@link #claim} takes it; empty for none
   * @param change what the entries record; an empty {@link Changes} for nothing
   * @return {@link Joined#CLAIM_TAKEN} or {@link Joined#REFUSED} when nothing was written
   */
  default Joined recordJoined(
      String leadId, Optional<String> claim, Change change, List<HistoryEvent> events) {
    if (claim.isPresent() && !claim(leadId, claim.get())) {
      return Joined.CLAIM_TAKEN;
    }
    boolean made;
    try {
      made = change.make();
    } catch (RuntimeException e) {
      try {
        claim.ifPresent(action -> release(leadId, action));
      } catch (RuntimeException releaseFailed) {
        e.addSuppressed(releaseFailed);
      }
      throw e;
    }
    if (!made) {
      claim.ifPresent(action -> release(leadId, action));
      return Joined.REFUSED;
    }
    recordAll(leadId, events);
    return Joined.WRITTEN;
  }

  /**
   * Withdraws {@code entry}, written before the action it records, which then failed (an email the
   * provider refused), records {@code instead} and gives {@code claim} up so a retry may try the
   * action again: in one request where the store can (DynamoDB's TransactWriteItems, the entry
   * marked withdrawn, which {@link #of} leaves out). A store that cannot withdraw an entry gives
   * the claim up and records {@code instead} after it.
   *
   * @param entry the entry as written (its instant, type and summary find it)
   */
  default void withdraw(String leadId, HistoryEvent entry, HistoryEvent instead, String claim) {
    release(leadId, claim);
    record(leadId, instead);
  }

  /**
   * Replaces the summary of {@code entry}, an entry of the lead's history (as {@link #of} read it),
   * with {@code summary}: to say that the email it records may not have arrived, once a retry finds
   * it written before an email it cannot tell went.
   *
   * @return false when the store holds no such entry, or cannot change one
   */
  default boolean amend(String leadId, HistoryEvent entry, String summary) {
    return false;
  }

  /**
   * Appends an event that may be the lead's first SLA fact, such as its first offer, with what came
   * before it: {@code earlier} are the entries the lead's SLA facts start from (its receipt and its
   * scoring), as the caller knows them without reading the history. A history that keeps SLA facts
   * writes the lead's first facts from them, in one write with the event; one that finds facts
   * already stored, or keeps none, records the event as {@link #record} does.
   */
  default void recordFirstFact(String leadId, HistoryEvent event, List<HistoryEvent> earlier) {
    record(leadId, event);
  }

  /**
   * Appends an event that changes the lead's SLA facts (a reminder, say): a history that keeps
   * facts reads the history first and writes the facts worked out from it and the event in one
   * write with the event, instead of reading the history back after the event; one that keeps none
   * records the event as {@link #record} does.
   */
  default void recordWithFacts(String leadId, HistoryEvent event) {
    record(leadId, event);
  }

  /**
   * Tells this history that {@code event} is in the lead's history, written by another store in one
   * write with the change it records (an offer stored with its entry, see {@code
   * OfferStore#placeRecorded}): a history that publishes or measures its entries does so now, as if
   * {@link #record} had written it, and one that keeps SLA facts brings them up to date unless they
   * were written with the entry.
   *
   * @param firstFactsFrom when the lead's first SLA facts were written with the entry, the entries
   *     they were worked out from with the event (as for {@link #recordFirstFact}); empty when they
   *     were not
   */
  default void written(
      String leadId, HistoryEvent event, java.util.Optional<List<HistoryEvent>> firstFactsFrom) {}

  /** The lead's history, oldest first. Claims are not part of it. */
  List<HistoryEvent> of(String leadId);

  /**
   * Claims a once-only action for the lead, such as sending one particular email: true for the
   * first caller, false for every later one (a retried step, or a second copy of it running at the
   * same time). The claim is kept with the history, so it lasts as long as the lead's record.
   *
   * @param action names the action within the lead, e.g. {@code email#intro}
   */
  boolean claim(String leadId, String action);

  /** Gives up a claim whose action failed, so that a retry of the step may do it after all. */
  void release(String leadId, String action);
}
