package com.leadhandoff.lead;

import java.time.LocalDate;
import java.util.List;

/** Stored leads read by when they arrived, for replaying them; reads only. */
public interface LeadArchive {
  /**
   * The leads received from the start of {@code from} to the end of {@code to} (UTC), oldest first.
   */
  List<Lead> receivedBetween(LocalDate from, LocalDate to);
}
