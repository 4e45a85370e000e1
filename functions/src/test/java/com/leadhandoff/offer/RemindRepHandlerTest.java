package com.leadhandoff.offer;

import static com.leadhandoff.offer.OfferScenario.LEAD_ID;
import static com.leadhandoff.offer.OfferScenario.REP_EMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.email.Email;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.RecordingWorkflow;
import com.leadhandoff.testing.TestDynamo;
import com.leadhandoff.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemindRepHandlerTest {
  private final OfferScenario scenario = new OfferScenario();
  private final RemindRepHandler handler =
      new RemindRepHandler(
          scenario.offers,
          scenario.leads,
          scenario.history,
          scenario.mailer,
          scenario.workflow,
          scenario.clock);

  private JsonNode remind() {
    return OfferScenario.run(handler, Fixtures.event("remind-rep.json"));
  }

  private static String reminderTaskToken() {
    return OfferScenario.json(Fixtures.event("remind-rep.json")).get("taskToken").asText();
  }

  private HistoryEvent reminded() {
    return scenario.history.of(LEAD_ID).stream()
        .filter(e -> e.type().equals("OFFER_REMINDED"))
        .findFirst()
        .orElseThrow();
  }

  private List<Email> reminders() {
    return scenario.mailer.sentTo(REP_EMAIL).stream()
        .filter(e -> e.subject().startsWith("Reminder: "))
        .toList();
  }

  @Test
  void openOffer_remindsTheRep_andMovesTheWaitToTheNewTaskToken() {
    // GIVEN an offer nobody answered for half of its 15 minutes
    scenario.offered();
    scenario.clock.advance(Duration.ofSeconds(450));

    // WHEN the first reminder is due
    JsonNode output = remind();

    // THEN the rep is reminded, with the deadline as the offer email showed it
    assertEquals("SENT", output.get("result").asText());
    List<Email> sent = reminders();
    assertEquals(1, sent.size());
    Email reminder = sent.get(0);
    assertEquals(
        "Reminder: Jane Doe (Acme Logistics) is waiting for your answer · answer by Mon 23 Nov"
            + " 2026, 10:15 UTC",
        reminder.subject());
    assertTrue(reminder.text().contains("by Mon 23 Nov 2026, 10:15 UTC"), reminder.text());
    assertTrue(reminder.text().contains("New lead for you: Jane Doe"), reminder.text());
    assertTrue(
        reminder.html().contains("40 depots &amp; &lt;b&gt;fast&lt;/b&gt;"), reminder.html());
    assertFalse(reminder.html().contains("<b>fast</b>"), "the prospect's words are escaped");
    // AND the offer now waits with the reminder's task token, still open
    Offer offer = scenario.offer();
    assertEquals(reminderTaskToken(), offer.taskToken());
    assertEquals(OfferStatus.OPEN, offer.status());
    assertTrue(scenario.workflow.callbacks().isEmpty());
    assertEquals("1", reminded().details().get("reminder"));
  }

  @Test
  void originalLink_afterAReminder_acceptsAndResumesTheNewWait() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofSeconds(450));
    remind();

    scenario.clock.advance(Duration.ofMinutes(1));
    assertEquals(200, scenario.accept(token).getStatusCode());

    assertEquals(OfferStatus.ACCEPTED, scenario.offer().status());
    List<RecordingWorkflow.Sent> callbacks = scenario.workflow.callbacks();
    assertEquals(1, callbacks.size());
    assertEquals(reminderTaskToken(), callbacks.get(0).taskToken());
    assertTrue(callbacks.get(0).success());
  }

  @Test
  void retriedReminder_movesTheToken_butDoesNotEmailTwice() {
    scenario.offered();
    scenario.clock.advance(Duration.ofSeconds(450));
    remind();

    JsonNode again = remind();

    assertEquals("ALREADY_SENT", again.get("result").asText());
    assertEquals(1, reminders().size());
    assertEquals(1, scenario.historyTypes().stream().filter("OFFER_REMINDED"::equals).count());
  }

  @Test
  void sameInvocationTwice_withTheSameTaskToken_emailsOnce_andTheLinkStillResumesTheWait() {
    // GIVEN an offer nobody answered for half of its window, just before Remind Rep
    String link = scenario.offered();
    scenario.clock.advance(Duration.ofSeconds(450));

    // WHEN the step is invoked, and invoked again with the same input and task token
    JsonNode first = remind();
    var afterFirst = TestDynamo.everything(scenario.tables);
    scenario.clock.advance(Duration.ofSeconds(30));
    JsonNode second = remind();

    // THEN the second changes no item: one reminder on record, the wait on the same token
    assertEquals(afterFirst, TestDynamo.everything(scenario.tables));
    assertEquals(1, scenario.historyTypes().stream().filter("OFFER_REMINDED"::equals).count());
    assertEquals(reminderTaskToken(), scenario.offer().taskToken());
    assertEquals(OfferStatus.OPEN, scenario.offer().status());
    // AND the rep gets one reminder, and no callback is sent for the open offer
    assertEquals(1, reminders().size());
    assertTrue(scenario.workflow.callbacks().isEmpty());
    // AND it reports the same reminder of the same offer, already sent (the state machine waits
    // for the callback and never reads this output)
    assertEquals(first.get("offerId"), second.get("offerId"));
    assertEquals(first.get("reminder"), second.get("reminder"));
    assertEquals("SENT", first.get("result").asText());
    assertEquals("ALREADY_SENT", second.get("result").asText());
    // AND the emailed link still resumes the one wait
    assertEquals(200, scenario.accept(link).getStatusCode());
    List<RecordingWorkflow.Sent> callbacks = scenario.workflow.callbacks();
    assertEquals(1, callbacks.size());
    assertEquals(reminderTaskToken(), callbacks.get(0).taskToken());
  }

  @Test
  void acceptedAsTheWaitEnded_noEmail_andTheAcceptanceIsSentOnTheNewToken() {
    // GIVEN the rep accepted just as the offer's wait ended, so their callback found no wait
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofSeconds(450));
    scenario.workflow.answerWith(Workflow.Callback.TIMED_OUT);
    scenario.accept(token);

    // WHEN the reminder step runs
    JsonNode output = remind();

    // THEN it sends nothing to the rep and resumes its own wait with the acceptance
    assertEquals("ACCEPTED", output.get("result").asText());
    assertTrue(reminders().isEmpty());
    RecordingWorkflow.Sent last = scenario.workflow.callbacks().get(1);
    assertEquals(reminderTaskToken(), last.taskToken());
    assertTrue(last.success());
    JsonNode answer = OfferScenario.json(last.output());
    assertEquals("ACCEPTED", answer.get("outcome").asText());
    assertEquals("001", answer.get("offerId").asText());
    assertEquals(OfferScenario.fixtureTaskToken(), scenario.offer().taskToken());
  }

  @Test
  void acceptThatStoppedAfterClosingTheOffer_isFinishedByTheReminder_beforeItIsPassedOn() {
    // GIVEN the rep's accept closed the offer and then stopped (the process was killed) before it
    // made the rep the lead's owner and recorded the acceptance
    scenario.offered();
    scenario.clock.advance(Duration.ofSeconds(450));
    assertTrue(scenario.offers.accept(LEAD_ID, "001", scenario.clock.instant()));

    // WHEN the reminder step runs, twice (as a retry would)
    JsonNode output = remind();
    remind();

    // THEN the rep owns the lead, the acceptance is recorded once, and the wait gets it
    assertEquals("ACCEPTED", output.get("result").asText());
    com.leadhandoff.lead.Lead lead = scenario.leads.find(LEAD_ID).orElseThrow();
    assertEquals(com.leadhandoff.lead.LeadStatus.ACCEPTED, lead.status());
    assertEquals(scenario.offer().repId(), lead.owner().orElseThrow().id());
    assertEquals(
        1,
        scenario.history.of(LEAD_ID).stream()
            .filter(e -> e.type().equals("OFFER_ACCEPTED"))
            .count());
    assertTrue(scenario.workflow.callbacks().get(0).success());
  }

  @Test
  void declinedAsSpamAsTheWaitEnded_isPassedOnAsARecycle() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofSeconds(450));
    scenario.workflow.answerWith(Workflow.Callback.TIMED_OUT);
    scenario.decline(token, "reasonCode=SPAM&reason=Fake+company");

    JsonNode output = remind();

    assertEquals("DECLINED", output.get("result").asText());
    assertTrue(reminders().isEmpty());
    RecordingWorkflow.Sent last = scenario.workflow.callbacks().get(1);
    assertEquals(reminderTaskToken(), last.taskToken());
    assertFalse(last.success());
    assertEquals(OfferAnswers.RECYCLED_ERROR, last.error());
    assertEquals("Spam: Fake company", last.cause());
  }

  @Test
  void declinedForARoutingReasonAsTheWaitEnded_isPassedOnAsADecline() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofSeconds(450));
    scenario.workflow.answerWith(Workflow.Callback.TIMED_OUT);
    scenario.decline(token, "reasonCode=NOT_MY_TERRITORY");

    remind();

    RecordingWorkflow.Sent last = scenario.workflow.callbacks().get(1);
    assertEquals(OfferAnswers.DECLINED_ERROR, last.error());
  }

  @Test
  void acceptThatReadTheOfferBeforeTheReminderMovedTheWait_isSentAgainOnTheNewToken() {
    // GIVEN a reminder that stores its token between the rep's link being read and the accept
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofSeconds(450));
    OfferStore racing = new RemindingBeforeAccept(scenario.offers, reminderTaskToken());
    scenario.workflow.answerWith(Workflow.Callback.TIMED_OUT);
    RespondToOfferHandler respond =
        new RespondToOfferHandler(
            racing, scenario.leads, scenario.history, scenario.workflow, scenario.clock);

    // WHEN the rep accepts
    respond.handleRequest(OfferScenario.http("accept-offer.json", token), null);

    // THEN the acceptance that found the old wait gone is sent again on the reminder's token
    List<String> tried =
        scenario.workflow.callbacks().stream().map(RecordingWorkflow.Sent::taskToken).toList();
    assertEquals(List.of(OfferScenario.fixtureTaskToken(), reminderTaskToken()), tried);
  }

  /** Offers whose accept first lets reminder 1 store {@code newToken}, as a race would. */
  private record RemindingBeforeAccept(OfferStore offers, String newToken) implements OfferStore {
    @Override
    public boolean accept(String leadId, String offerId, java.time.Instant now) {
      offers.remind(leadId, offerId, 1, newToken);
      return offers.accept(leadId, offerId, now);
    }

    @Override
    public void put(Offer offer) {
      offers.put(offer);
    }

    @Override
    public Placement placeNew(Offer offer, String claimAction) {
      return offers.placeNew(offer, claimAction);
    }

    @Override
    public java.util.Optional<Offer> findByTokenHash(String tokenHash) {
      return offers.findByTokenHash(tokenHash);
    }

    @Override
    public java.util.Optional<Offer> find(String leadId, String offerId) {
      return offers.find(leadId, offerId);
    }

    @Override
    public List<Offer> forLead(String leadId) {
      return offers.forLead(leadId);
    }

    @Override
    public boolean decline(String leadId, String offerId, String reason, java.time.Instant now) {
      return offers.decline(leadId, offerId, reason, now);
    }

    @Override
    public boolean expire(String leadId, String offerId, java.time.Instant now) {
      return offers.expire(leadId, offerId, now);
    }

    @Override
    public Reminded remind(String leadId, String offerId, int number, String taskToken) {
      return offers.remind(leadId, offerId, number, taskToken);
    }
  }

  @Test
  void reminderNumber_isReadFromTheFixture() {
    ObjectNode input = (ObjectNode) OfferScenario.json(Fixtures.event("remind-rep.json"));
    scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(12));
    ((ObjectNode) input.get("reminder")).put("number", 2);

    JsonNode output = OfferScenario.run(handler, input.toString());

    assertEquals(2, output.get("reminder").asInt());
    assertEquals("2", reminded().details().get("reminder"));
  }
}
