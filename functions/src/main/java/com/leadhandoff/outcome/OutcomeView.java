package com.leadhandoff.outcome;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import java.util.Optional;

/** What an outcome link shows. */
public sealed interface OutcomeView {
  /**
   * The form: choose an outcome and confirm it.
   *
   * @param chosen the outcome the email's link or the refused form chose, preselected
   * @param problem why the form was refused, if it was
   */
  record Open(
      OutcomeLink link,
      Lead lead,
      Optional<Stage> stage,
      Optional<Outcome> chosen,
      Optional<DisqualifyReason> reason,
      String note,
      Optional<String> problem)
      implements OutcomeView {}

  /** The form was posted: the outcome is recorded, or was already. */
  record Done(OutcomeLink link, Lead lead, OutcomeResult result) implements OutcomeView {}

  /** The link is past its expiry. */
  record Expired(OutcomeLink link) implements OutcomeView {}

  /** The lead no longer has an owner (parked, for one), so it takes no outcome. */
  record Closed(OutcomeLink link, Lead lead, LeadStatus status) implements OutcomeView {}

  /** No link has this token. */
  record Unknown() implements OutcomeView {}
}
