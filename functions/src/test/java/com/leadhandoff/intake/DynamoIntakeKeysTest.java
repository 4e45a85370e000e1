package com.leadhandoff.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadhandoff.intake.IntakeKeys.Holder;
import com.leadhandoff.testing.TestDynamo;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DynamoIntakeKeysTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant IN_AN_HOUR = NOW.plusSeconds(3600);

  private final DynamoIntakeKeys keys =
      new DynamoIntakeKeys(TestDynamo.client(), TestDynamo.tables().get("IntakeKeysTable"));

  @Test
  void firstClaim_wins_andLaterClaimsLearnItsLead() {
    assertEquals(new Holder("lead-A", false), keys.claim("k", "lead-A", IN_AN_HOUR, NOW));
    assertEquals(new Holder("lead-A", false), keys.claim("k", "lead-B", IN_AN_HOUR, NOW));
  }

  @Test
  void laterClaims_learnTheRequestHashTheKeyWasClaimedWith() {
    assertEquals(
        new Holder("lead-A", false, Optional.of("hash-1")),
        keys.claim("k", "lead-A", Optional.of("hash-1"), IN_AN_HOUR, NOW));

    assertEquals(
        new Holder("lead-A", false, Optional.of("hash-1")),
        keys.claim("k", "lead-B", Optional.of("hash-2"), IN_AN_HOUR, NOW));
  }

  @Test
  void claimOfAnExpiredKey_wins_evenBeforeTtlDeletesIt() {
    keys.claim("k", "lead-A", IN_AN_HOUR, NOW);

    Instant later = IN_AN_HOUR.plusSeconds(1);
    assertEquals(
        new Holder("lead-B", false), keys.claim("k", "lead-B", later.plusSeconds(60), later));
  }

  @Test
  void claimAtTheExpirySecond_stillLoses() {
    keys.claim("k", "lead-A", IN_AN_HOUR, NOW);

    assertEquals(
        "lead-A", keys.claim("k", "lead-B", IN_AN_HOUR.plusSeconds(60), IN_AN_HOUR).leadId());
  }

  @Test
  void markStarted_isSeenByLaterClaims_onlyForTheLeadTheKeyPointsAt() {
    keys.claim("k", "lead-A", IN_AN_HOUR, NOW);

    keys.markStarted("k", "lead-other");
    assertEquals(new Holder("lead-A", false), keys.claim("k", "lead-B", IN_AN_HOUR, NOW));
    keys.markStarted("k", "lead-A");
    assertEquals(new Holder("lead-A", true), keys.claim("k", "lead-B", IN_AN_HOUR, NOW));
  }

  @Test
  void repoint_movesTheKey_onlyFromTheExpectedLead() {
    keys.claim("k", "lead-A", IN_AN_HOUR, NOW);

    keys.repoint("k", "lead-other", new Holder("lead-X", true));
    assertEquals(new Holder("lead-A", false), keys.claim("k", "lead-B", IN_AN_HOUR, NOW));
    keys.repoint("k", "lead-A", new Holder("lead-C", true));
    assertEquals(new Holder("lead-C", true), keys.claim("k", "lead-B", IN_AN_HOUR, NOW));
  }
}
