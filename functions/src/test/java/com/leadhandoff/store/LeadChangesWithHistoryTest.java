package com.leadhandoff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadParkedException;
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

/** A change of the lead and the history entry recording it, written in one transaction. */
class LeadChangesWithHistoryTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Score HOT = new Score(80, Score.Tier.HOT, true, List.of());

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final String leadId = "lead-" + System.nanoTime();

  @Test
  void creation_storesTheLeadAndItsEntryTogether_andOnlyOnce() {
    Lead lead = Lead.received(leadId, T0, submission());

    assertTrue(history.recordWith(leadId, event("RECEIVED"), leads.creation(lead)));
    // A retry of intake: the lead exists, so neither it nor a second entry is written.
    assertFalse(history.recordWith(leadId, event("RECEIVED"), leads.creation(lead)));

    assertEquals(lead, leads.find(leadId).orElseThrow());
    assertEquals(List.of("RECEIVED"), types());
  }

  @Test
  void firstScoring_storesTheScoreAndItsEntryTogether_andASecondTryIsRefused() {
    leads.create(Lead.received(leadId, T0, submission()));

    assertTrue(
        history.recordWith(
            leadId, event("SCORED"), leads.firstScoring(leadId, HOT, LeadStatus.ROUTING)));
    assertFalse(
        history.recordWith(
            leadId, event("SCORED"), leads.firstScoring(leadId, HOT, LeadStatus.ROUTING)));

    Lead scored = leads.find(leadId).orElseThrow();
    assertEquals(Optional.of(HOT), scored.score());
    assertEquals(LeadStatus.ROUTING, scored.status());
    assertEquals(List.of("SCORED"), types());
    assertFalse(leads.saveFirstScore(leadId, HOT, LeadStatus.ROUTING));
  }

  @Test
  void firstScoring_ofAParkedLead_isRefusedWithNoEntry_andSaveFirstScoreSaysWhy() {
    leads.create(Lead.received(leadId, T0, submission()));
    leads.setStatus(leadId, LeadStatus.NEEDS_ATTENTION);

    assertFalse(
        history.recordWith(
            leadId, event("SCORED"), leads.firstScoring(leadId, HOT, LeadStatus.ROUTING)));

    assertEquals(List.of(), types());
    assertThrows(
        LeadParkedException.class, () -> leads.saveFirstScore(leadId, HOT, LeadStatus.ROUTING));
  }

  private List<String> types() {
    return history.of(leadId).stream().map(HistoryEvent::type).toList();
  }

  private static Submission submission() {
    return SubmissionBuilder.vpAskingForDemo().build();
  }

  private static HistoryEvent event(String type) {
    return new HistoryEvent(T0, type, type, Map.of());
  }
}
