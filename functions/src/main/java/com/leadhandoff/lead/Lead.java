package com.leadhandoff.lead;

import com.leadhandoff.scoring.Score;
import java.time.Instant;
import java.util.Optional;

/**
 * One inbound lead as stored.
 *
 * @param receivedAt when intake accepted it
 * @param score set once {@code Score Lead} ran
 * @param owner set once, by the accepting rep or by escalation
 * @param mergedInto for a {@link LeadStatus#MERGED} lead, the open lead it was merged into
 */
public record Lead(
    String leadId,
    Instant receivedAt,
    Submission submission,
    LeadStatus status,
    Optional<Score> score,
    Optional<Owner> owner,
    Optional<String> mergedInto) {

  public Lead {
    // Items stored before merging existed read back without it.
    mergedInto = mergedInto == null ? Optional.empty() : mergedInto;
  }

  /** A lead that was not merged into another. */
  public Lead(
      String leadId,
      Instant receivedAt,
      Submission submission,
      LeadStatus status,
      Optional<Score> score,
      Optional<Owner> owner) {
    this(leadId, receivedAt, submission, status, score, owner, Optional.empty());
  }

  /** A lead as intake stores it: received, not yet scored, unowned. */
  public static Lead received(String leadId, Instant receivedAt, Submission submission) {
    return new Lead(
        leadId, receivedAt, submission, LeadStatus.RECEIVED, Optional.empty(), Optional.empty());
  }
}
