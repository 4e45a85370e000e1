package com.leadhandoff.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.lead.Submission;
import com.leadhandoff.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntakeKeyTest {
  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void sameEmailInAnyCase_onTheSameForm_isTheSameKey() {
    assertEquals(
        IntakeKey.sameSubmission(submission("Ana@Acme.IO", "demo"), HOUR),
        IntakeKey.sameSubmission(submission("ana@acme.io", "demo"), HOUR));
  }

  @Test
  void otherFormOrOtherEmail_isAnotherKey() {
    IntakeKey demo = IntakeKey.sameSubmission(submission("ana@acme.io", "demo"), HOUR);

    assertNotEquals(demo, IntakeKey.sameSubmission(submission("ana@acme.io", "newsletter"), HOUR));
    assertNotEquals(demo, IntakeKey.sameSubmission(submission("ana@acme.io", null), HOUR));
    assertNotEquals(demo, IntakeKey.sameSubmission(submission("bob@acme.io", "demo"), HOUR));
  }

  @Test
  void keys_holdNoEmailAddress() {
    IntakeKey key = IntakeKey.sameSubmission(submission("ana@acme.io", "demo"), HOUR);

    assertFalse(key.name().contains("ana"));
    assertTrue(key.name().startsWith("submission#"));
  }

  @Test
  void idempotencyKeyComesFirst_andAZeroWindowTurnsEmailMatchingOff() {
    Submission ana = submission("ana@acme.io", "demo");

    List<IntakeKey> both = IntakeKey.of(ana, Optional.of("k-1"), HOUR);
    assertEquals(List.of(IntakeKey.idempotency("k-1"), IntakeKey.sameSubmission(ana, HOUR)), both);
    assertEquals(Duration.ofHours(24), both.get(0).keptFor());
    assertEquals(
        List.of(IntakeKey.idempotency("k-1")),
        IntakeKey.of(ana, Optional.of("k-1"), Duration.ZERO));
    assertEquals(List.of(), IntakeKey.of(ana, Optional.empty(), Duration.ZERO));
  }

  @Test
  void leadIds_areNameSafe_unique_andSortByTime() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    LeadIds ids = new LeadIds(clock);
    Set<String> seen = new HashSet<>();
    String previous = "";
    for (int i = 0; i < 1000; i++) {
      String id = ids.next();
      assertTrue(id.matches("lead-[0-9A-HJKMNP-TV-Z]{26}"), id);
      assertTrue(seen.add(id));
      assertTrue(id.substring(0, 15).compareTo(previous) >= 0);
      previous = id.substring(0, 15);
      clock.advance(Duration.ofMillis(7));
    }
  }

  private static Submission submission(String email, String formId) {
    return new Submission(
        email, null, null, null, null, null, null, null, null, null, formId, null, null, null,
        List.of());
  }
}
