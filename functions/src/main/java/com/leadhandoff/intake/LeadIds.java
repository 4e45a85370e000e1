package com.leadhandoff.intake;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * New lead ids: {@code lead-} and 26 characters of Crockford base32, 48 bits of milliseconds then
 * 80 random bits (the ULID layout). Ids sort by arrival in the console, cannot be guessed, and are
 * valid Step Functions execution names (31 characters of {@code [A-Za-z0-9-]}).
 */
public final class LeadIds {
  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long FORTY_BITS = (1L << 40) - 1;

  private final Clock clock;

  public LeadIds(Clock clock) {
    this.clock = clock;
  }

  /** A new, unique lead id. */
  public String next() {
    StringBuilder id = new StringBuilder("lead-");
    append(id, clock.millis(), 10);
    append(id, RANDOM.nextLong() & FORTY_BITS, 8);
    append(id, RANDOM.nextLong() & FORTY_BITS, 8);
    return id.toString();
  }

  private static void append(StringBuilder id, long bits, int characters) {
    for (int i = characters - 1; i >= 0; i--) {
      id.append(CROCKFORD[(int) (bits >>> (5 * i)) & 31]);
    }
  }
}
