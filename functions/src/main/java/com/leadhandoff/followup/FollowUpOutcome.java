package com.leadhandoff.followup;

/** What following up a lead did. */
public sealed interface FollowUpOutcome {
  /** The rep who owns the lead. */
  String repId();

  /** The prospect was introduced to the rep and the rep got the confirmation. */
  record FollowedUp(String repId) implements FollowUpOutcome {}

  /** An earlier attempt already sent both emails; nothing was sent again. */
  record AlreadyFollowedUp(String repId) implements FollowUpOutcome {}
}
