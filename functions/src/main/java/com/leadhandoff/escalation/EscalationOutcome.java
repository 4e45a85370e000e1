package com.leadhandoff.escalation;

/** What escalating a lead did. */
public sealed interface EscalationOutcome {
  /** The manager now owns the lead and was sent the alert. */
  record Escalated(String managerEmail, boolean fallback) implements EscalationOutcome {}

  /** An earlier attempt already escalated the lead and sent the alert; nothing was sent again. */
  record AlreadyEscalated() implements EscalationOutcome {}

  /** A rep's accept won the race: the rep keeps the lead and no manager is alerted. */
  record OwnedByRep(String repId) implements EscalationOutcome {}
}
