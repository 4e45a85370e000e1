package com.leadhandoff.workflow;

/**
 * The errors a step that answers its own task token ({@code Take In Lead}, {@code Move Offer On})
 * fails its task with to send the lead down another path: the state machine catches each by name. A
 * task failed this way is no failed Lambda invocation, so the functions' error alarms stay for real
 * failures, and no Choice state is entered (and billed) after every step to read a result.
 */
public final class Turns {
  /** The submission was merged into the open lead of its address; the execution ends. */
  public static final String LEAD_MERGED = "LeadMerged";

  /** The lead scored below the bar for sales; it goes to nurture. */
  public static final String LEAD_NOT_QUALIFIED = "LeadNotQualified";

  /** No rep was ever eligible for the lead; it waits in its team's queue. */
  public static final String NO_REP_AVAILABLE = "NoRepAvailable";

  /** Every rep the lead could be offered to was offered it; the manager gets it. */
  public static final String OFFERS_EXHAUSTED = "OffersExhausted";

  /** The rep accepted as the offer's last wait ended; the lead is followed up as accepted. */
  public static final String ACCEPTED_MEANWHILE = "AcceptedMeanwhile";

  private Turns() {}
}
