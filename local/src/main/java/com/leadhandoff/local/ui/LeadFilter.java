package com.leadhandoff.local.ui;

import com.leadhandoff.lead.Owner;
import com.leadhandoff.local.ui.LeadRecords.LeadRecord;
import java.util.Optional;

/**
 * The Leads board's filters, from its query parameters; an empty one matches every lead.
 *
 * @param status a lead status, e.g. {@code ACCEPTED}
 * @param team a team id: the lead was offered to a rep of that team
 * @param rep a rep id: the lead was offered to that rep, or the rep owns it
 */
record LeadFilter(Optional<String> status, Optional<String> team, Optional<String> rep) {

  static LeadFilter none() {
    return new LeadFilter(Optional.empty(), Optional.empty(), Optional.empty());
  }

  boolean matches(LeadRecord record) {
    return status.map(s -> s.equals(record.lead().status().name())).orElse(true)
        && team.map(t -> record.offers().stream().anyMatch(o -> t.equals(o.teamId()))).orElse(true)
        && rep.map(r -> offeredTo(record, r) || ownedBy(record, r)).orElse(true);
  }

  boolean any() {
    return status.isPresent() || team.isPresent() || rep.isPresent();
  }

  private static boolean offeredTo(LeadRecord record, String rep) {
    return record.offers().stream().anyMatch(o -> rep.equals(o.repId()));
  }

  private static boolean ownedBy(LeadRecord record, String rep) {
    return record
        .lead()
        .owner()
        .filter(o -> o.role() == Owner.Role.REP && rep.equals(o.id()))
        .isPresent();
  }
}
