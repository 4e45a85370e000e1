package com.leadhandoff.sla;

import com.leadhandoff.history.HistoryEvent;
import java.time.LocalDate;
import java.util.List;

/** Where SLA facts are kept for reports, indexed by the day a lead was received. */
public interface SlaFactsStore {
  /** Stores the lead's facts, replacing any earlier version of them. */
  void put(SlaFacts facts);

  /**
   * Stores a lead's first facts in one write with the history entry they were worked out from, both
   * or neither, if the lead has no facts stored yet (facts withdrawn with an offer never sent count
   * as none).
   *
   * @return false, with nothing written, when the lead has facts already or this store cannot write
   *     history entries
   */
  default boolean putFirstWith(String leadId, HistoryEvent entry, SlaFacts facts) {
    return false;
  }

  /**
   * Stores the lead's facts, replacing any earlier version of them, in one write with the history
   * entry that changed them: both or neither.
   *
   * @return false, with nothing written, when this store cannot write history entries or the write
   *     was refused (a conflict with another write of the facts)
   */
  default boolean putWith(String leadId, HistoryEvent entry, SlaFacts facts) {
    return false;
  }

  /**
   * The facts of leads received on {@code day} (UTC): one bounded read per day of a report, however
   * many leads the system holds.
   */
  List<SlaFacts> receivedOn(LocalDate day);
}
