package com.leadhandoff.email;

import com.leadhandoff.history.Change;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * An email made ready to go by {@link Mailer#prepare}: what must be stored before it goes, then its
 * delivery.
 *
 * @param before a write the email refers to (its unsubscribe link's record), to be made before
 *     {@link #deliver}; empty when there is none
 * @param delivery sends the email: whether it went, false when it was held back
 */
public record Outgoing(Optional<Change> before, BooleanSupplier delivery) {
  /**
   * Sends the email, once {@link #before} is stored.
   *
   * @return whether it was sent; false when it was held back
   * @throws RuntimeException the provider's refusal
   */
  public boolean deliver() {
    return delivery.getAsBoolean();
  }
}
