package com.leadhandoff.local.workflow;

import static com.leadhandoff.local.workflow.LeadHandoffRuntime.demoRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.local.ses.SentEmail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Availability and credited turns of the demo {@code config/directory.yaml}, through the real
 * template, state machine and handlers on the virtual clock (Monday 2026-11-23, 10:00 in Berlin).
 */
class RepAvailabilityWorkflowTest {
  private static final Duration OFFER_WINDOW = Duration.ofMinutes(15);

  private LeadHandoffRuntime local;

  @BeforeEach
  void freshRun() {
    local = LeadHandoffRuntime.fresh();
  }

  @Test
  void enterpriseLeadAtDawnInChicago_goesToDavidOutsideHours_andTheHistoryNamesFarahPaused() {
    // Dawn in Chicago, whatever earlier tests did to the shared clock
    local.atWeekdayNineUtc();
    Map<String, Object> lead = demoRequest("Early");
    lead.put("companySize", 5000);

    String leadId = local.submit(lead);

    assertEquals("david.kim@sales.example.com", onlyOffer("Early").to().get(0));
    HistoryEvent routed = routed(leadId).get(0);
    assertTrue(routed.summary().contains("skipped Farah Haddad: paused"), routed.summary());
    assertTrue(
        routed.summary().contains("nobody in the team is in working hours"), routed.summary());
    assertEquals("farah-haddad: paused", routed.details().get("skipped"));
    assertEquals("2", routed.details().get("weight"));
  }

  @Test
  void repWhoseOfferTimedOut_getsTheNextLeadOnACreditedTurn() {
    String firstLead = local.submit(demoRequest("Slow"));
    String slowRep = onlyOffer("Slow").to().get(0);
    local.advance(OFFER_WINDOW.plusSeconds(1));
    List<SentEmail> ladder = local.mailAbout("New lead for you: Dana Slow");
    assertEquals(2, ladder.size());
    assertNotEquals(slowRep, ladder.get(1).to().get(0));

    String nextLead = local.submit(demoRequest("Next"));

    assertEquals(slowRep, onlyOffer("Next").to().get(0));
    HistoryEvent routed = routed(nextLead).get(0);
    assertEquals("0", routed.details().get("turn"));
    assertTrue(
        routed.summary().contains("a turn credited back in Inbound Sales"), routed.summary());
    assertEquals(2, routed(firstLead).size(), "the first lead went on to a second rep");
  }

  private List<HistoryEvent> routed(String leadId) {
    return local.leadHistory(leadId).stream().filter(e -> e.type().equals("ROUTED")).toList();
  }

  private SentEmail onlyOffer(String lastName) {
    List<SentEmail> offers = local.mailAbout("New lead for you: Dana " + lastName);
    assertEquals(1, offers.size(), "offer emails so far: " + offers);
    return offers.get(0);
  }
}
