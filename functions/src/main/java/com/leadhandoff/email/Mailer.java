package com.leadhandoff.email;

import java.util.Optional;

/** Sends email. */
public interface Mailer {
  /** Sends the email; throws if the provider refused it. */
  void send(Email email);

  /**
   * Sends the email unless the recipient asked not to get such email.
   *
   * @return whether it was sent; false when it was held back
   * @throws RuntimeException the provider's refusal
   */
  default boolean deliver(Email email) {
    send(email);
    return true;
  }

  /**
   * The email made ready to {@link #deliver}, with what must be stored before it goes, for a caller
   * that writes that in one request with its own claim on the email ({@link LeadMailer}).
   * Delivering the result after making its {@code before} is what {@link #deliver} does.
   */
  default Outgoing prepare(Email email) {
    return new Outgoing(Optional.empty(), () -> deliver(email));
  }
}
