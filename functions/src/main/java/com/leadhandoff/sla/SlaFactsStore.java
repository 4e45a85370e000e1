package com.leadhandoff.sla;

import java.time.LocalDate;
import java.util.List;

/** Where SLA facts are kept for reports, indexed by the day a lead was received. */
public interface SlaFactsStore {
  /** Stores the lead's facts, replacing any earlier version of them. */
  void put(SlaFacts facts);

  /**
   * The facts of leads received on {@code day} (UTC): one bounded read per day of a report, however
   * many leads the system holds.
   */
  List<SlaFacts> receivedOn(LocalDate day);
}
