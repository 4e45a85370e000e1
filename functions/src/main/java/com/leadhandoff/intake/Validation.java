package com.leadhandoff.intake;

import com.leadhandoff.lead.Submission;
import java.util.List;
import java.util.Optional;

/** The verdict on a parsed submission. */
public sealed interface Validation {

  /**
   * Every field is acceptable.
   *
   * @param redirect where to send the browser of a plain HTML form afterwards
   * @param idempotencyKey the client's key for retries of this request, if it sent one
   */
  record Valid(Submission submission, Optional<String> redirect, Optional<String> idempotencyKey)
      implements Validation {}

  /**
   * Some fields are not acceptable.
   *
   * @param errors every bad field, in form order
   */
  record Invalid(List<FieldError> errors) implements Validation {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }

  /**
   * The honeypot field was filled in, so a bot sent it. It gets the answer a person would (so it
   * learns nothing), but nothing is kept.
   *
   * @param redirect where the form asked to go, if that is a safe place
   */
  record Trapped(Optional<String> redirect) implements Validation {}
}
