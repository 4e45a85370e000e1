package com.leadhandoff.email;

/** Sends email. */
public interface Mailer {
  /** Sends the email; throws if the provider refused it. */
  void send(Email email);
}
