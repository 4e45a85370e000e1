package com.leadhandoff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.Changes;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.Joined;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.SubmissionBuilder;
import com.leadhandoff.testing.TestDynamo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Take In Lead's one write of a claim, the changes and the entries ({@link
 * DynamoLeadHistory#recordJoined}), and the corrective writes after it (withdraw, amend), against
 * the test DynamoDB engine.
 */
class JoinedWriteTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Score HOT = new Score(80, Score.Tier.HOT, true, List.of());
  private static final String CLAIM = "email#acknowledgement";

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final String leadId = "lead-" + System.nanoTime();

  JoinedWriteTest() {
    leads.create(Lead.received(leadId, T0, submission()));
  }

  @Test
  void claimChangeAndEntries_areWrittenTogether_inTheirOrder_evenAtOneInstant() {
    // WHEN the score, the claim and three entries at one instant are written together
    Joined written =
        history.recordJoined(
            leadId,
            Optional.of(CLAIM),
            new Changes(List.of(leads.firstScoring(leadId, HOT, LeadStatus.ROUTING))),
            List.of(event("SCORED"), event("ACKNOWLEDGED"), event("ROUTED")));

    // THEN all of them are stored, the entries read back in the order given
    assertEquals(Joined.WRITTEN, written);
    assertEquals(HOT, leads.find(leadId).orElseThrow().score().orElseThrow());
    assertEquals(List.of("SCORED", "ACKNOWLEDGED", "ROUTED"), types());
    assertFalse(history.claim(leadId, CLAIM));
  }

  @Test
  void claimTakenAlready_nothingIsWritten() {
    // GIVEN an earlier try holding the claim
    assertTrue(history.claim(leadId, CLAIM));

    // WHEN the joined write is made
    Joined written =
        history.recordJoined(
            leadId,
            Optional.of(CLAIM),
            new Changes(List.of(leads.firstScoring(leadId, HOT, LeadStatus.ROUTING))),
            List.of(event("SCORED"), event("ACKNOWLEDGED")));

    // THEN it says so, and neither the score nor an entry was written
    assertEquals(Joined.CLAIM_TAKEN, written);
    assertTrue(leads.find(leadId).orElseThrow().score().isEmpty());
    assertEquals(List.of(), types());
  }

  @Test
  void scoreStoredAlready_theWriteIsRefused_andTheClaimStaysFree() {
    // GIVEN another try scored the lead
    assertTrue(leads.saveFirstScore(leadId, HOT, LeadStatus.ROUTING));

    // WHEN the joined write is made
    Joined written =
        history.recordJoined(
            leadId,
            Optional.of(CLAIM),
            new Changes(List.of(leads.firstScoring(leadId, HOT, LeadStatus.ROUTING))),
            List.of(event("SCORED"), event("ACKNOWLEDGED")));

    // THEN it is refused, nothing written, and the claim is still there to take
    assertEquals(Joined.REFUSED, written);
    assertEquals(List.of(), types());
    assertTrue(history.claim(leadId, CLAIM));
  }

  @Test
  void withdraw_hidesTheEntry_recordsTheFailure_andGivesTheClaimUp() {
    // GIVEN the acknowledgement written with its claim before its email
    HistoryEvent acknowledged = event("ACKNOWLEDGED");
    history.recordJoined(
        leadId,
        Optional.of(CLAIM),
        new Changes(List.of()),
        List.of(event("SCORED"), acknowledged, event("ROUTED")));

    // WHEN the email is refused
    history.withdraw(
        leadId,
        acknowledged,
        new HistoryEvent(T0.plusSeconds(1), "ACKNOWLEDGEMENT_FAILED", "refused", Map.of()),
        CLAIM);

    // THEN the entry is gone from the history, the failure follows, and the claim is free
    assertEquals(List.of("SCORED", "ROUTED", "ACKNOWLEDGEMENT_FAILED"), types());
    assertTrue(history.claim(leadId, CLAIM));
  }

  @Test
  void amend_changesTheSummaryOfTheEntry_andFindsNoEntryThatIsNotThere() {
    // GIVEN an entry
    HistoryEvent acknowledged = event("ACKNOWLEDGED");
    history.recordAll(leadId, List.of(event("SCORED"), acknowledged));

    // WHEN its summary is amended, and an entry never written is
    boolean amended = history.amend(leadId, acknowledged, "ACKNOWLEDGED (may not have arrived)");
    boolean missing = history.amend(leadId, event("ROUTED"), "nothing");

    // THEN only the written one changed
    assertTrue(amended);
    assertFalse(missing);
    assertEquals(
        "ACKNOWLEDGED (may not have arrived)",
        history.of(leadId).stream()
            .filter(e -> e.type().equals("ACKNOWLEDGED"))
            .findFirst()
            .orElseThrow()
            .summary());
  }

  private List<String> types() {
    return history.of(leadId).stream().map(HistoryEvent::type).toList();
  }

  private static HistoryEvent event(String type) {
    return new HistoryEvent(T0, type, type, Map.of());
  }

  private static Submission submission() {
    return SubmissionBuilder.vpAskingForDemo().build();
  }
}
