package com.leadhandoff.followup;

/** A wait for the rep's answer ended with something other than an acceptance. */
public final class UnexpectedAnswer extends RuntimeException {
  public UnexpectedAnswer(String message) {
    super(message);
  }
}
