package com.leadhandoff.history;

import java.util.List;
import java.util.Optional;

/**
 * A lead history that passes every call on to another and is told of each entry once that history
 * has it, however it was written (alone, with the change it records, or with the lead's first SLA
 * facts, or with other entries). An entry a refused change did not write is not passed on.
 */
public abstract class ObservedLeadHistory implements LeadHistory {
  private final LeadHistory history;

  /**
   * @param history where each event is recorded first
   */
  protected ObservedLeadHistory(LeadHistory history) {
    this.history = history;
  }

  /** Called after {@code event} is in the lead's history. */
  protected abstract void recorded(String leadId, HistoryEvent event);

  @Override
  public final void record(String leadId, HistoryEvent event) {
    history.record(leadId, event);
    recorded(leadId, event);
  }

  @Override
  public final boolean recordWith(String leadId, HistoryEvent event, Change change) {
    if (!history.recordWith(leadId, event, change)) {
      return false;
    }
    recorded(leadId, event);
    return true;
  }

  @Override
  public final void recordAll(String leadId, List<HistoryEvent> events) {
    history.recordAll(leadId, events);
    events.forEach(event -> recorded(leadId, event));
  }

  @Override
  public final Joined recordJoined(
      String leadId, Optional<String> claim, Change change, List<HistoryEvent> events) {
    Joined joined = history.recordJoined(leadId, claim, change, events);
    if (joined == Joined.WRITTEN) {
      events.forEach(event -> recorded(leadId, event));
    }
    return joined;
  }

  @Override
  public final void withdraw(
      String leadId, HistoryEvent entry, HistoryEvent instead, String claim) {
    history.withdraw(leadId, entry, instead, claim);
    recorded(leadId, instead);
  }

  @Override
  public final boolean amend(String leadId, HistoryEvent entry, String summary) {
    return history.amend(leadId, entry, summary);
  }

  @Override
  public final boolean recordOnce(String leadId, String action, HistoryEvent event) {
    if (!history.recordOnce(leadId, action, event)) {
      return false;
    }
    recorded(leadId, event);
    return true;
  }

  @Override
  public final boolean claimWith(String leadId, String action, Change change) {
    return history.claimWith(leadId, action, change);
  }

  @Override
  public final void recordFirstFact(String leadId, HistoryEvent event, List<HistoryEvent> earlier) {
    history.recordFirstFact(leadId, event, earlier);
    recorded(leadId, event);
  }

  @Override
  public final void recordWithFacts(String leadId, HistoryEvent event) {
    history.recordWithFacts(leadId, event);
    recorded(leadId, event);
  }

  @Override
  public final void written(
      String leadId, HistoryEvent event, Optional<List<HistoryEvent>> firstFactsFrom) {
    history.written(leadId, event, firstFactsFrom);
    recorded(leadId, event);
  }

  @Override
  public final List<HistoryEvent> of(String leadId) {
    return history.of(leadId);
  }

  @Override
  public final boolean claim(String leadId, String action) {
    return history.claim(leadId, action);
  }

  @Override
  public final void release(String leadId, String action) {
    history.release(leadId, action);
  }
}
