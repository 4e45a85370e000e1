package com.leadhandoff.intake;

import java.util.List;
import java.util.Optional;

/** What became of a {@code POST /leads} request. */
public sealed interface IntakeResult {

  /**
   * The lead was accepted (or recognised as a repeat of one that was).
   *
   * @param leadId the lead's id, the same for every repeat of one submission
   * @param redirect where a plain HTML form asked to send the prospect next
   */
  record Accepted(String leadId, Optional<String> redirect) implements IntakeResult {}

  /**
   * The lead was stored but its workflow could not be started, even after retries: not
   * acknowledged, so the client retries (the same {@code Idempotency-Key} or the same form post
   * completes it); if it never does, the watchdog starts the workflow.
   *
   * @param leadId the stored lead, which a retry completes rather than duplicates
   * @param retryAfter when the client should try again
   */
  record Unavailable(String leadId, java.time.Duration retryAfter) implements IntakeResult {}

  /**
   * The request was refused and nothing was stored.
   *
   * @param message one sentence for the developer wiring up the form
   * @param errors every field that is wrong and why; empty when the body as a whole is the problem
   */
  record Rejected(Refusal refusal, String message, List<FieldError> errors)
      implements IntakeResult {
    public Rejected {
      errors = List.copyOf(errors);
    }
  }

  /** Why a request was refused, by what the client must change. */
  enum Refusal {
    /** The body or a field in it is invalid. */
    INVALID,
    /** The body is over the size limit. */
    TOO_LARGE,
    /** The content type (or its charset) is not one intake reads. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The {@code Idempotency-Key} was already used for a request with a different body. */
    IDEMPOTENCY_KEY_REUSED
  }
}
