package com.leadhandoff.sla;

import java.time.Duration;

/**
 * How long sales has to answer a lead of one tier, counted in business time.
 *
 * @param businessDays whole business days, each as long as the calendar's {@link
 *     BusinessCalendar#businessDay()}
 * @param time hours and minutes on top of the days
 * @param written the time as the policy file wrote it, e.g. {@code 2 hours}, for emails and history
 */
public record ResponseTime(int businessDays, Duration time, String written) {
  public ResponseTime {
    if (businessDays < 0 || time.isNegative() || (businessDays == 0 && time.isZero())) {
      throw new IllegalArgumentException("A response time must be positive, was " + written);
    }
  }

  /** The business time this response time stands for in {@code calendar}. */
  public Duration in(BusinessCalendar calendar) {
    return calendar.businessDay().multipliedBy(businessDays).plus(time);
  }

  /** The same span counted around the clock, where a business day is 24 hours. */
  public Duration aroundTheClock() {
    return Duration.ofDays(businessDays).plus(time);
  }
}
