package com.leadhandoff.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.Changes;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.intake.IntakeKeys.Holder;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.testing.TestDynamo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoIntakeKeysTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant IN_AN_HOUR = NOW.plusSeconds(3600);

  private final Map<String, String> tables = TestDynamo.tables();
  private final String table = tables.get("IntakeKeysTable");
  private final DynamoIntakeKeys keys = new DynamoIntakeKeys(TestDynamo.client(), table);

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
  void keyMarkedStartedByAnEarlierVersion_isSeenByLaterClaims() {
    // GIVEN a key as earlier versions left it once its lead's execution ran
    TestDynamo.client()
        .putItem(
            r ->
                r.tableName(table)
                    .item(
                        Map.of(
                            "intakeKey", AttributeValue.fromS("k"),
                            "leadId", AttributeValue.fromS("lead-A"),
                            "expiresAt", AttributeValue.fromN("" + IN_AN_HOUR.getEpochSecond()),
                            "started", AttributeValue.fromBool(true))));

    assertEquals(new Holder("lead-A", true), keys.claim("k", "lead-B", IN_AN_HOUR, NOW));
    assertEquals(List.of(new Holder("lead-A", true)), refusedClaiming("k", "lead-B"));
  }

  @Test
  void claimingInATransaction_wins_andARefusedOneLearnsTheHolderFromTheCancellation() {
    String entries = tables.get("HistoryTable");
    List<Holder> first = new ArrayList<>();
    assertTrue(
        history(entries)
            .recordWith(
                "lead-A",
                entry(),
                new Changes(
                    List.of(
                        keys.claiming(
                            "k", "lead-A", Optional.of("hash-1"), IN_AN_HOUR, NOW, first::add)))));
    assertEquals(List.of(), first);

    assertEquals(
        List.of(new Holder("lead-A", false, Optional.of("hash-1"))),
        refusedClaiming("k", "lead-B"));
    // The refused transaction wrote nothing: the key still holds lead-A, and lead-B has no entry.
    assertEquals(
        new Holder("lead-A", false, Optional.of("hash-1")),
        keys.claim("k", "lead-C", IN_AN_HOUR, NOW));
    assertEquals(List.of(), history(entries).of("lead-B"));
  }

  @Test
  void claimingAnExpiredKey_wins() {
    keys.claim("k", "lead-A", IN_AN_HOUR, NOW);

    Instant later = IN_AN_HOUR.plusSeconds(1);
    List<Holder> found = new ArrayList<>();
    assertTrue(
        history(tables.get("HistoryTable"))
            .recordWith(
                "lead-B",
                entry(),
                new Changes(
                    List.of(
                        keys.claiming(
                            "k",
                            "lead-B",
                            Optional.empty(),
                            later.plusSeconds(60),
                            later,
                            found::add)))));
    assertEquals(List.of(), found);
    assertEquals("lead-B", keys.claim("k", "lead-C", later.plusSeconds(60), later).leadId());
  }

  /**
   * Claims {@code key} for {@code leadId} in a transaction that must be refused; the holders told.
   */
  private List<Holder> refusedClaiming(String key, String leadId) {
    List<Holder> found = new ArrayList<>();
    assertFalse(
        history(tables.get("HistoryTable"))
            .recordWith(
                leadId,
                entry(),
                new Changes(
                    List.of(
                        keys.claiming(
                            key, leadId, Optional.of("hash-2"), IN_AN_HOUR, NOW, found::add)))));
    return found;
  }

  private static DynamoLeadHistory history(String table) {
    return new DynamoLeadHistory(TestDynamo.client(), table);
  }

  private static HistoryEvent entry() {
    return new HistoryEvent(NOW, "RECEIVED", "Received", Map.of());
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
