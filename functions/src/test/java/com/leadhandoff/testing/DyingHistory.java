package com.leadhandoff.testing;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import java.util.List;

/**
 * A lead history whose {@link #record} fails for one event type, as if the process had been killed
 * right after the step's email went out and before its history entry was written. Everything else
 * goes to the real history.
 */
public final class DyingHistory implements LeadHistory {
  /** Stands for the kill: nothing after it in the step runs. */
  public static final class Killed extends RuntimeException {
    Killed(String type) {
      super("killed before recording " + type);
    }
  }

  private final LeadHistory real;
  private final String dieBefore;

  /**
   * @param dieBefore the type of the entry whose recording the process does not live to do
   */
  public DyingHistory(LeadHistory real, String dieBefore) {
    this.real = real;
    this.dieBefore = dieBefore;
  }

  @Override
  public void record(String leadId, HistoryEvent event) {
    if (event.type().equals(dieBefore)) {
      throw new Killed(dieBefore);
    }
    real.record(leadId, event);
  }

  @Override
  public void written(
      String leadId, HistoryEvent event, java.util.Optional<List<HistoryEvent>> firstFactsFrom) {
    real.written(leadId, event, firstFactsFrom);
  }

  @Override
  public List<HistoryEvent> of(String leadId) {
    return real.of(leadId);
  }

  @Override
  public boolean claim(String leadId, String action) {
    return real.claim(leadId, action);
  }

  @Override
  public void release(String leadId, String action) {
    real.release(leadId, action);
  }
}
