package com.leadhandoff.lead;

import com.leadhandoff.history.Change;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.scoring.Score;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where leads are kept. */
public interface LeadStore {
  /** The lead with this id, if stored. */
  Optional<Lead> find(String leadId);

  /**
   * Stores a new lead.
   *
   * @return false when a lead with that id already exists (nothing is changed then)
   */
  boolean create(Lead lead);

  /**
   * {@link #create} as a change that a history entry records ({@link LeadHistory#recordWith}): the
   * lead and its first entry are then written together, or neither when the lead exists.
   */
  default Change creation(Lead lead) {
    return () -> create(lead);
  }

  /** Records the lead's score and the status it leads to. */
  void saveScore(String leadId, Score score, LeadStatus status);

  /**
   * Records the lead's score and the status it leads to, unless it has a score already: of two
   * tries scoring one lead at the same moment, one stores it. This default reads first; a store
   * that can write conditionally does it in one request.
   *
   * @return true when this call stored the score; false when the lead had one (nothing changed)
   */
  default boolean saveFirstScore(String leadId, Score score, LeadStatus status) {
    if (find(leadId).flatMap(Lead::score).isPresent()) {
      return false;
    }
    saveScore(leadId, score, status);
    return true;
  }

  /**
   * {@link #saveFirstScore} as a change that a history entry records ({@link
   * LeadHistory#recordWith}): refused, with nothing written, when the lead has a score already or
   * cannot take one (parked, missing); {@link #saveFirstScore} then says which.
   */
  default Change firstScoring(String leadId, Score score, LeadStatus status) {
    return () -> saveFirstScore(leadId, score, status);
  }

  /** Moves the lead to {@code status} without touching its owner. */
  void setStatus(String leadId, LeadStatus status);

  /**
   * Moves the lead to {@code status} only if it is still {@code expected}: the watchdog parks a
   * lead it found stuck, not one that moved on while it looked.
   *
   * @return whether the lead was {@code expected} and is now {@code status}
   */
  boolean setStatusIf(String leadId, LeadStatus expected, LeadStatus status);

  /**
   * Makes {@code owner} the lead's owner if it has none yet; the single point that enforces one
   * owner per lead, also when an accept races a timeout or an escalation.
   *
   * @return true if {@code owner} is now the owner, false if somebody else already was or the lead
   *     is parked (NEEDS_ATTENTION: no owner, and none given by a workflow)
   */
  boolean claimOwner(String leadId, Owner owner, LeadStatus status);

  /**
   * Leads from this email address (in any letter case) received at {@code since} or later, newest
   * first. Read from an index, so a lead stored a moment ago may not be listed yet.
   */
  List<Lead> withEmail(String email, Instant since);

  /**
   * Leads from this email domain received at {@code since} or later with one of {@code statuses},
   * newest first, at most {@code limit}. Read from an index, like {@link #withEmail}.
   */
  List<Lead> fromDomain(String domain, Instant since, Set<LeadStatus> statuses, int limit);

  /**
   * Marks a lead nobody owns as {@link LeadStatus#MERGED} into {@code intoLeadId}; doing it again
   * with the same target changes nothing.
   *
   * @return false when the lead has an owner or was merged into another lead (nothing changed)
   */
  boolean markMerged(String leadId, String intoLeadId);
}
