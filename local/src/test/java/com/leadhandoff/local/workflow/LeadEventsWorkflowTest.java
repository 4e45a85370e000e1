package com.leadhandoff.local.workflow;

import static com.leadhandoff.local.workflow.LeadHandoffRuntime.demoRequest;
import static com.leadhandoff.local.workflow.LeadHandoffRuntime.offerLink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.EventSchemas;
import com.leadhandoff.local.eventbridge.BusEvent;
import com.leadhandoff.local.ses.SentEmail;
import com.leadhandoff.sla.OfferFact;
import com.leadhandoff.sla.SlaFacts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lead events and SLA facts as the real workflow produces them: each step on the lead events bus
 * (the template's LeadEventsBus, reached by the functions' own EventBridge client), each event
 * valid against its schema, and the facts a report reads, written as the steps happen.
 */
class LeadEventsWorkflowTest {
  private static final Duration OFFER_WINDOW = Duration.ofMinutes(15);

  private LeadHandoffRuntime local;

  @BeforeEach
  void freshRun() {
    local = LeadHandoffRuntime.fresh();
  }

  @Test
  void acceptedLead_publishesEveryStepOnTheBus_eachMatchingItsSchema() {
    // GIVEN a hot lead offered to a rep
    String leadId = local.submit(demoRequest("Eventful"));
    SentEmail offer = offers("Eventful").get(0);

    // WHEN the rep accepts after five minutes
    local.advance(Duration.ofMinutes(5));
    local.postForm(offerLink(offer) + "/accept", Map.of());
    local.settle();

    // THEN the lead's steps are on the lead events bus, in order, from lead-handoff
    List<BusEvent> events = local.leadEvents(leadId);
    assertEquals(
        List.of("Lead Received", "Lead Scored", "Lead Offered", "Lead Accepted"),
        events.stream().map(BusEvent::detailType).toList());
    for (BusEvent event : events) {
      assertEquals("lead-handoff", event.source());
      assertTrue(event.bus().endsWith("-lead-events"), event.bus());
      assertEquals("1", event.detail().path("version").asText());
    }
    assertEquals(List.of(), EventSchemas.problems(events));
    BusEvent accepted = events.get(3);
    assertEquals(1, accepted.detail().path("attempt").asInt());
    assertEquals(events.get(2).detail().path("offerId"), accepted.detail().path("offerId"));
    // AND the SLA facts record five minutes to accept, met by the rep
    SlaFacts facts = local.slaFacts(leadId).orElseThrow();
    assertEquals(Duration.ofMinutes(5), facts.wallTimeToAccept().orElseThrow());
    assertEquals(Duration.ofMinutes(5), facts.workingTimeToAccept().orElseThrow());
    assertEquals(OfferFact.Outcome.ACCEPTED, facts.offers().get(0).outcome());
    assertTrue(facts.acceptedWithinSla());
  }

  @Test
  void unansweredOffer_publishesRemindersTimeoutAndBreach_andFactsNameTheRep() {
    // GIVEN a lead whose first rep never answers
    String leadId = local.submit(demoRequest("Breach"));
    String first = offers("Breach").get(0).to().get(0);

    // WHEN the offer window passes and the second rep accepts
    local.advance(OFFER_WINDOW.plusSeconds(1));
    List<SentEmail> offers = offers("Breach");
    assertEquals(2, offers.size());
    local.postForm(offerLink(offers.get(1)) + "/accept", Map.of());
    local.settle();

    // THEN reminders, the timeout and the SLA breach were published before the second offer
    List<String> types = local.leadEvents(leadId).stream().map(BusEvent::detailType).toList();
    assertEquals(
        List.of(
            "Lead Received",
            "Lead Scored",
            "Lead Offered",
            "Rep Reminded",
            "Rep Reminded",
            "Offer Timed Out",
            "SLA Breached",
            "Lead Offered",
            "Lead Accepted"),
        types);
    assertEquals(List.of(), EventSchemas.problems(local.leadEvents(leadId)));
    // AND the facts say who breached, that the second rep owns it, and that two reminders went out
    SlaFacts facts = local.slaFacts(leadId).orElseThrow();
    assertEquals(1, facts.breaches().size());
    String breachedBy = facts.breaches().get(0).repId();
    assertFalse(breachedBy.equals(facts.owner().orElseThrow().id()));
    assertEquals(2, facts.remindersSent());
    assertEquals(SlaFacts.FirstOwner.Kind.REP, facts.owner().orElseThrow().kind());
    assertFalse(facts.acceptedWithinSla());
    assertTrue(first.contains("@"));
  }

  @Test
  void nobodyAccepts_publishesEscalation_andFactsMarkTheLeadEscalated() {
    // GIVEN a lead no rep answers
    String leadId = local.submit(demoRequest("Escalate"));

    // WHEN every offer on the ladder times out
    for (int i = 0; i < 3; i++) {
      local.advance(OFFER_WINDOW.plusSeconds(1));
    }

    // THEN the escalation is published and the facts give the manager the lead
    List<String> types = local.leadEvents(leadId).stream().map(BusEvent::detailType).toList();
    assertEquals("Lead Escalated", types.get(types.size() - 1));
    assertEquals(3, types.stream().filter("SLA Breached"::equals).count());
    SlaFacts facts = local.slaFacts(leadId).orElseThrow();
    assertTrue(facts.escalated());
    assertEquals(3, facts.breaches().size());
    assertEquals(SlaFacts.FirstOwner.Kind.MANAGER, facts.owner().orElseThrow().kind());
    assertTrue(facts.workingTimeToAccept().isEmpty());
  }

  private List<SentEmail> offers(String lastName) {
    return local.mailAbout("New lead for you: Dana " + lastName);
  }
}
