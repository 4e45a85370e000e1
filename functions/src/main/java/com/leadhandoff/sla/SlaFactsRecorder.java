package com.leadhandoff.sla;

import com.leadhandoff.history.Change;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.Joined;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.metrics.LeadMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A lead history that also keeps the lead's {@link SlaFacts} current: each offer, answer, expiry,
 * reminder, escalation or queueing is written to the history and then to the facts, in the same
 * step, so the facts are recorded when they happen. The same facts give the step's metrics (see
 * {@link SlaMeasurements}), emitted right after.
 */
public final class SlaFactsRecorder implements LeadHistory {
  private final LeadHistory history;
  private final SlaFactsStore facts;
  private final Function<String, Optional<BusinessCalendar>> calendars;
  private final LeadMetrics metrics;

  /** A recorder that emits no metrics. */
  public SlaFactsRecorder(
      LeadHistory history,
      SlaFactsStore facts,
      Function<String, Optional<BusinessCalendar>> calendars) {
    this(history, facts, calendars, LeadMetrics.NONE);
  }

  /**
   * @param history where the events go first; the facts are worked out from it
   * @param facts where the facts go
   * @param calendars team id → the team's calendar, for working time
   * @param metrics where the metrics of each fact go
   */
  public SlaFactsRecorder(
      LeadHistory history,
      SlaFactsStore facts,
      Function<String, Optional<BusinessCalendar>> calendars,
      LeadMetrics metrics) {
    this.history = history;
    this.facts = facts;
    this.calendars = calendars;
    this.metrics = metrics;
  }

  @Override
  public void record(String leadId, HistoryEvent event) {
    history.record(leadId, event);
    refresh(leadId, event);
  }

  /** Writes the events in one write, as the wrapped history does, then the facts they change. */
  @Override
  public void recordAll(String leadId, List<HistoryEvent> events) {
    history.recordAll(leadId, events);
    events.forEach(event -> refresh(leadId, event));
  }

  /**
   * Writes the claim, change and events as the wrapped history does, then the facts they change.
   */
  @Override
  public Joined recordJoined(
      String leadId, Optional<String> claim, Change change, List<HistoryEvent> events) {
    Joined joined = history.recordJoined(leadId, claim, change, events);
    if (joined == Joined.WRITTEN) {
      events.forEach(event -> refresh(leadId, event));
    }
    return joined;
  }

  /** Withdraws the entry as the wrapped history does, then the facts {@code instead} changes. */
  @Override
  public void withdraw(String leadId, HistoryEvent entry, HistoryEvent instead, String claim) {
    history.withdraw(leadId, entry, instead, claim);
    refresh(leadId, instead);
  }

  @Override
  public boolean amend(String leadId, HistoryEvent entry, String summary) {
    return history.amend(leadId, entry, summary);
  }

  /** Writes the event if the claim was free, as the wrapped history does, then the facts. */
  @Override
  public boolean recordOnce(String leadId, String action, HistoryEvent event) {
    if (!history.recordOnce(leadId, action, event)) {
      return false;
    }
    refresh(leadId, event);
    return true;
  }

  /**
   * Reads the history first and writes the event with the facts worked out from the history and the
   * event, in one write: one request fewer than {@link #record}'s write, read back and facts'
   * write, with the same facts (they are worked out from the whole history in causal order, the
   * event's place in it included). A history that cannot be read or facts that cannot be worked
   * out, or a write refused (a conflict with another write of the facts), record the event as
   * {@link #record} does, so the entry is never lost for its facts; any other failure of the write
   * goes to the step, as a failure of {@link #record}'s write would, since the entry may not be
   * written.
   */
  @Override
  public void recordWithFacts(String leadId, HistoryEvent event) {
    if (!SlaFactsFromHistory.FACT_TYPES.contains(event.type())) {
      record(leadId, event);
      return;
    }
    List<HistoryEvent> events;
    SlaFacts current;
    try {
      events = new ArrayList<>(history.of(leadId));
      events.add(event);
      current = SlaFactsFromHistory.of(leadId, events, calendars);
    } catch (RuntimeException e) {
      // The entry must not wait on its facts' read: record() writes it first.
      record(leadId, event);
      return;
    }
    writeWith(leadId, event, events, current, facts::putWith);
  }

  /**
   * An entry written with the change it records: facts written with it give its metrics, as {@link
   * #recordFirstFact} does; else the facts are brought up to date from the whole history, as {@link
   * #record} does.
   */
  @Override
  public void written(
      String leadId, HistoryEvent event, Optional<List<HistoryEvent>> firstFactsFrom) {
    history.written(leadId, event, firstFactsFrom);
    if (firstFactsFrom.isEmpty()) {
      refresh(leadId, event);
      return;
    }
    try {
      List<HistoryEvent> events = new ArrayList<>(firstFactsFrom.get());
      events.add(event);
      SlaMeasurements.of(event, events, SlaFactsFromHistory.of(leadId, events, calendars))
          .ifPresent(metrics::publish);
    } catch (RuntimeException e) {
      System.err.println("Metrics of lead " + leadId + " not emitted: " + e);
    }
  }

  /** The lead's facts worked out again from its whole history, if {@code event} changed them. */
  private void refresh(String leadId, HistoryEvent event) {
    if (!SlaFactsFromHistory.FACT_TYPES.contains(event.type())) {
      return;
    }
    SlaFacts current;
    List<HistoryEvent> events;
    try {
      events = history.of(leadId);
      current = SlaFactsFromHistory.of(leadId, events, calendars);
      facts.put(current);
    } catch (RuntimeException e) {
      // The facts are a report's copy of the history, rebuilt in full at the lead's next fact;
      // failing the step for them would hold up the lead itself, which matters more.
      System.err.println("SLA facts of lead " + leadId + " not updated: " + e);
      return;
    }
    publish(leadId, event, events, current);
  }

  /**
   * Writes the event with the lead's first facts, worked out from {@code earlier} and the event
   * alone, in one write (one request instead of the entry's write, the history's read and the
   * facts' write): the same facts as from the whole history, since before its first fact a lead's
   * history changes its facts only by its receipt and scoring. Facts already stored may hold more
   * (an outcome reported early, an offer before this one) that only the whole history gives: then
   * the event is recorded as any other.
   */
  @Override
  public void recordFirstFact(String leadId, HistoryEvent event, List<HistoryEvent> earlier) {
    if (!SlaFactsFromHistory.FACT_TYPES.contains(event.type())) {
      record(leadId, event);
      return;
    }
    List<HistoryEvent> events = new ArrayList<>(earlier);
    events.add(event);
    SlaFacts first;
    try {
      first = SlaFactsFromHistory.of(leadId, events, calendars);
    } catch (RuntimeException e) {
      // What the caller knew did not make facts (a bad detail): the whole history may.
      record(leadId, event);
      return;
    }
    writeWith(leadId, event, events, first, facts::putFirstWith);
  }

  /** How the event is written with its facts, in one write: false when the write was refused. */
  private interface FactsWrite {
    boolean write(String leadId, HistoryEvent event, SlaFacts facts);
  }

  /**
   * Writes {@code event} with {@code computed} by {@code write}, past the wrapped history (which
   * only counts parked leads, never an SLA fact), then its metrics; a refused write records the
   * event as {@link #record} does, so the entry is never lost for its facts.
   */
  private void writeWith(
      String leadId,
      HistoryEvent event,
      List<HistoryEvent> events,
      SlaFacts computed,
      FactsWrite write) {
    if (!write.write(leadId, event, computed)) {
      record(leadId, event);
      return;
    }
    publish(leadId, event, events, computed);
  }

  /** The step's metrics of {@code event}; a failure is logged, never the step's. */
  private void publish(
      String leadId, HistoryEvent event, List<HistoryEvent> events, SlaFacts current) {
    try {
      SlaMeasurements.of(event, events, current).ifPresent(metrics::publish);
    } catch (RuntimeException e) {
      System.err.println("Metrics of lead " + leadId + " not emitted: " + e);
    }
  }

  @Override
  public List<HistoryEvent> of(String leadId) {
    return history.of(leadId);
  }

  @Override
  public boolean claimWith(String leadId, String action, Change change) {
    return history.claimWith(leadId, action, change);
  }

  @Override
  public boolean claim(String leadId, String action) {
    return history.claim(leadId, action);
  }

  @Override
  public void release(String leadId, String action) {
    history.release(leadId, action);
  }
}
