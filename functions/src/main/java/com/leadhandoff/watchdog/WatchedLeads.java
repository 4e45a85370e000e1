package com.leadhandoff.watchdog;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import java.time.Instant;
import java.util.List;

/** The leads a workflow still has to move on, as the watchdog finds them without a scan. */
public interface WatchedLeads {
  /**
   * Leads in the open {@code status} (RECEIVED or ROUTING) received before {@code receivedBefore},
   * oldest first; none for a final status. Read from an index, so a lead changed a moment ago may
   * still be listed in its former status.
   */
  List<Lead> inStatus(LeadStatus status, Instant receivedBefore);
}
