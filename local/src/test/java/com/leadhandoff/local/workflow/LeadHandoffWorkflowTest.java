package com.leadhandoff.local.workflow;

import static com.leadhandoff.local.workflow.LeadHandoffRuntime.demoRequest;
import static com.leadhandoff.local.workflow.LeadHandoffRuntime.email;
import static com.leadhandoff.local.workflow.LeadHandoffRuntime.offerLink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.ses.SentEmail;
import com.leadhandoff.local.workflow.LeadHandoffRuntime.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole handoff on the real {@code statemachines/lead-handoff.asl.json} and the real handlers,
 * in the local runtime on a virtual clock: time moves only when a test moves it, and each timer
 * fires at its own instant. The leads are hot, so under {@code config/sla-policy.yaml} an offer
 * lasts 15 minutes of inbound-sales working time; the clock starts on a Monday at 10:00 in Berlin
 * and the tests together move it a little over a day, always inside working hours, so every offer
 * lasts exactly 15 minutes. A lead gets at most {@code MaxOffers} (3), the template's default; the
 * demo directory's inbound team has three active reps.
 */
class LeadHandoffWorkflowTest {
  private static final Duration OFFER_WINDOW = Duration.ofMinutes(15);
  private static final Set<String> INBOUND_REPS =
      Set.of(
          "ana.ruiz@sales.example.com",
          "ben.okafor@sales.example.com",
          "chloe.martin@sales.example.com");
  private static final String MANAGER = "morgan.lee@sales.example.com";
  private static final String FALLBACK_MANAGER = "sales-manager@example.com";

  private LeadHandoffRuntime local;

  @BeforeEach
  void freshRun() {
    local = LeadHandoffRuntime.fresh();
  }

  private static String name(String lastName) {
    return "Dana " + lastName;
  }

  private List<SentEmail> offers(String lastName) {
    return local.mailAbout("New lead for you: " + name(lastName));
  }

  private SentEmail onlyOffer(String lastName) {
    List<SentEmail> offers = offers(lastName);
    assertEquals(1, offers.size(), "offer emails so far: " + offers);
    return offers.get(0);
  }

  /**
   * The subjects of the emails the prospect was sent, oldest first; an introduction to the rep who
   * accepted reads {@code introduction}.
   */
  private List<String> prospectMail(String address) {
    return local.mailTo(address).stream()
        .map(
            m ->
                m.subject().endsWith("will take care of your request")
                    ? "introduction"
                    : m.subject())
        .toList();
  }

  private static String rep(SentEmail email) {
    assertEquals(1, email.to().size());
    return email.to().get(0);
  }

  @Test
  void acceptedInTime_repOwnsLeadAndBothFollowUpsGoOut() {
    String leadId = local.submit(demoRequest("Intime"));

    SentEmail offer = onlyOffer("Intime");
    String rep = rep(offer);
    assertTrue(INBOUND_REPS.contains(rep), rep);
    assertEquals(LeadStatus.ROUTING, local.lead(leadId).status());

    // Opening the link (as a mail scanner would) changes nothing.
    Response page = local.get(offerLink(offer));
    assertEquals(200, page.status());
    assertTrue(page.body().contains("Accept this lead"), page.body());
    local.settle();
    assertEquals(LeadStatus.ROUTING, local.lead(leadId).status());

    local.advance(Duration.ofMinutes(5));
    Response accepted = local.postForm(offerLink(offer) + "/accept", Map.of());
    local.settle();

    assertEquals(200, accepted.status(), accepted.body());
    Lead lead = local.lead(leadId);
    assertEquals(LeadStatus.ACCEPTED, lead.status());
    assertEquals(rep, lead.owner().orElseThrow().email());
    assertEquals(Owner.Role.REP, lead.owner().orElseThrow().role());
    List<SentEmail> toProspect = local.mailTo(email("Intime"));
    assertEquals(2, toProspect.size(), "the acknowledgement, then the rep's introduction once");
    assertEquals("Thanks for getting in touch", toProspect.get(0).subject());
    assertTrue(toProspect.get(1).subject().endsWith("will take care of your request"));
    assertEquals(1, local.mailAbout("You own this lead: " + name("Intime")).size());
    assertTrue(local.mailAbout("You own this lead: " + name("Intime")).get(0).isFor(rep));
    assertEquals(
        List.of("Take In Lead", "Offer To Rep", "Follow Up"),
        local.statesEntered(leadId),
        "three state transitions for a lead its first rep accepts");
    assertEquals(ExecutionStatus.SUCCEEDED, local.execution(leadId).status());
  }

  private List<SentEmail> reminders(String lastName) {
    return local.mailAbout("Reminder: " + name(lastName));
  }

  @Test
  void unansweredOffer_remindsTheRep_atHalfAndFourFifthsOfTheWindow() {
    local.submit(demoRequest("Reminded"));
    SentEmail offer = onlyOffer("Reminded");
    String rep = rep(offer);

    local.advance(Duration.ofSeconds(449));
    assertTrue(reminders("Reminded").isEmpty(), "nothing before half of the 15 minutes");
    local.advance(Duration.ofSeconds(1));
    assertEquals(1, reminders("Reminded").size(), "the first reminder at 7 min 30 s");

    local.advance(Duration.ofSeconds(269));
    assertEquals(1, reminders("Reminded").size());
    local.advance(Duration.ofSeconds(1));
    List<SentEmail> reminders = reminders("Reminded");
    assertEquals(2, reminders.size(), "the second reminder at 12 minutes");

    String deadline = offer.subject().substring(offer.subject().indexOf("answer by "));
    for (SentEmail reminder : reminders) {
      assertEquals(rep, rep(reminder));
      assertTrue(reminder.subject().startsWith("Reminder: "), reminder.subject());
      assertTrue(reminder.subject().endsWith(deadline), "same deadline as the offer: " + deadline);
      assertTrue(reminder.text().contains("New lead for you: " + name("Reminded")));
    }
    assertEquals(1, offers("Reminded").size(), "a reminder is not a new offer");
    assertEquals(200, local.get(offerLink(offer)).status(), "the offer's own link still opens");
  }

  @Test
  void acceptAfterFirstReminder_throughTheOriginalLink_ownsTheLead_andNoSecondReminderGoesOut() {
    String leadId = local.submit(demoRequest("Nudged"));
    SentEmail offer = onlyOffer("Nudged");
    local.advance(Duration.ofMinutes(8));
    assertEquals(1, reminders("Nudged").size());

    Response accepted = local.postForm(offerLink(offer) + "/accept", Map.of());
    local.settle();
    local.advance(OFFER_WINDOW);

    assertEquals(200, accepted.status(), accepted.body());
    Lead lead = local.lead(leadId);
    assertEquals(LeadStatus.ACCEPTED, lead.status());
    assertEquals(rep(offer), lead.owner().orElseThrow().email());
    assertEquals(1, reminders("Nudged").size(), "no reminder after the answer");
    assertEquals(
        List.of("Thanks for getting in touch", "introduction"), prospectMail(email("Nudged")));
    List<String> states = local.statesEntered(leadId);
    assertEquals(
        List.of("Take In Lead", "Offer To Rep", "Move Offer On", "Offer To Rep", "Follow Up"),
        states,
        "the reminder is one Move Offer On and one more wait");
    assertEquals(ExecutionStatus.SUCCEEDED, local.execution(leadId).status());
  }

  @Test
  void declineAfterSecondReminder_throughTheOriginalLink_offersLeadToNextRep() {
    String leadId = local.submit(demoRequest("Twice"));
    SentEmail offer = onlyOffer("Twice");
    local.advance(Duration.ofMinutes(13));
    assertEquals(2, reminders("Twice").size());

    Response declined =
        local.postForm(offerLink(offer) + "/decline", Map.of("reasonCode", "NOT_MY_TERRITORY"));
    local.settle();

    assertEquals(200, declined.status(), declined.body());
    List<SentEmail> offers = offers("Twice");
    assertEquals(2, offers.size());
    assertNotEquals(rep(offer), rep(offers.get(1)));
    List<String> states = local.statesEntered(leadId);
    assertEquals(
        List.of(
            "Take In Lead",
            "Offer To Rep",
            "Move Offer On",
            "Offer To Rep",
            "Move Offer On",
            "Offer To Rep",
            "Move Offer On",
            "Offer To Rep"),
        states,
        "two reminders, then the decline moves the lead on to the second rep's offer");
    assertTrue(local.mailAbout("Offer expired: " + name("Twice")).isEmpty());
  }

  @Test
  void leadFromAThousandPlusCompany_isOfferedToEnterprise_byTheRoutingRule() {
    Map<String, Object> lead = demoRequest("Bigcorp");
    lead.put("companySize", 5000);

    String leadId = local.submit(lead);

    assertEquals("david.kim@sales.example.com", rep(onlyOffer("Bigcorp")));
    HistoryEvent routed =
        local.leadHistory(leadId).stream()
            .filter(e -> e.type().equals("ROUTED"))
            .findFirst()
            .orElseThrow();
    assertEquals("enterprise", routed.details().get("teamId"));
    assertEquals("enterprise-size", routed.details().get("rule"));
    assertTrue(
        routed.summary().contains("rule enterprise-size: companySize 5000 in 1000+"),
        routed.summary());
  }

  @Test
  void firstRepTimesOut_getsExpiredEmail_secondRepAccepts() {
    String leadId = local.submit(demoRequest("Timeout"));
    String first = rep(onlyOffer("Timeout"));

    local.advance(OFFER_WINDOW.minusSeconds(1));
    assertEquals(1, offers("Timeout").size(), "the first offer is still open");

    local.advance(Duration.ofSeconds(2));
    List<SentEmail> expired = local.mailAbout("Offer expired: " + name("Timeout"));
    assertEquals(1, expired.size());
    assertTrue(expired.get(0).isFor(first));
    List<SentEmail> offers = offers("Timeout");
    assertEquals(2, offers.size());
    String second = rep(offers.get(1));
    assertNotEquals(first, second);

    local.postForm(offerLink(offers.get(1)) + "/accept", Map.of());
    local.settle();

    Lead lead = local.lead(leadId);
    assertEquals(LeadStatus.ACCEPTED, lead.status());
    assertEquals(second, lead.owner().orElseThrow().email());
    assertEquals(
        List.of(
            "Take In Lead",
            "Offer To Rep",
            "Move Offer On",
            "Offer To Rep",
            "Move Offer On",
            "Offer To Rep",
            "Move Offer On",
            "Offer To Rep",
            "Follow Up"),
        local.statesEntered(leadId),
        "offer, two reminders, the deadline moves the lead on, the second rep accepts");
    assertTrue(local.eventTypes(leadId).contains("TaskTimedOut"), "timed out as AWS records it");
  }

  @Test
  void nobodyAccepts_managerAlertedWithFullHistory_andOwnsLead() {
    String leadId = local.submit(demoRequest("Nobody"));

    for (int i = 0; i < 3; i++) {
      local.advance(OFFER_WINDOW.plusSeconds(1));
    }

    List<String> reps = offers("Nobody").stream().map(LeadHandoffWorkflowTest::rep).toList();
    assertEquals(3, reps.size());
    assertEquals(INBOUND_REPS, Set.copyOf(reps), "never the same rep twice");
    List<SentEmail> alerts = local.mailAbout("Lead escalated to you: " + name("Nobody"));
    assertEquals(1, alerts.size());
    SentEmail alert = alerts.get(0);
    assertTrue(alert.isFor(MANAGER));
    for (String repName : List.of("Ana Ruiz", "Ben Okafor", "Chloe Martin")) {
      assertTrue(alert.text().contains(repName), "history names " + repName + ":\n" + alert.text());
      assertTrue(alert.html().contains(repName));
    }
    assertTrue(alert.text().toLowerCase().contains("timed out"), alert.text());
    Lead lead = local.lead(leadId);
    assertEquals(LeadStatus.ESCALATED, lead.status());
    assertEquals(Owner.Role.MANAGER, lead.owner().orElseThrow().role());
    assertEquals(MANAGER, lead.owner().orElseThrow().email());
    List<String> states = local.statesEntered(leadId);
    assertEquals(
        List.of("Move Offer On", "Escalate To Manager"),
        states.subList(states.size() - 2, states.size()));
    assertEquals(
        9, states.stream().filter("Offer To Rep"::equals).count(), "3 offers, 2 reminders each");
    assertEquals(20, states.size(), "state transitions for a lead escalated after three offers");
    assertEquals(ExecutionStatus.SUCCEEDED, local.execution(leadId).status());

    local.advance(Duration.ofDays(1));
    assertEquals(3, offers("Nobody").size(), "the ladder ended; nothing more is sent");
  }

  @Test
  void declineWithReason_offersLeadToNextRep() {
    String leadId = local.submit(demoRequest("Declined"));
    SentEmail offer = onlyOffer("Declined");
    String first = rep(offer);

    Response declined =
        local.postForm(
            offerLink(offer) + "/decline",
            Map.of("reasonCode", "NOT_MY_TERRITORY", "reason", "Germany is Chloe's patch"));
    local.settle();

    assertEquals(200, declined.status(), declined.body());
    List<SentEmail> offers = offers("Declined");
    assertEquals(2, offers.size());
    assertNotEquals(first, rep(offers.get(1)));
    HistoryEvent decline =
        local.leadHistory(leadId).stream()
            .filter(e -> e.type().equals("OFFER_DECLINED"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        decline.details().get("reason").contains("Germany is Chloe's patch"), decline.toString());
    assertEquals("NOT_MY_TERRITORY", decline.details().get("reasonCode"));
    List<String> states = local.statesEntered(leadId);
    assertEquals(
        List.of("Take In Lead", "Offer To Rep", "Move Offer On", "Offer To Rep"),
        states,
        "the decline moves the lead on; waiting on the second rep");
    assertEquals(LeadStatus.ROUTING, local.lead(leadId).status());
  }

  @Test
  void declineAsSpam_recyclesLeadToMarketing_andNoOtherRepIsOffered() {
    String leadId = local.submit(demoRequest("Spam"));
    SentEmail offer = onlyOffer("Spam");

    Response declined =
        local.postForm(
            offerLink(offer) + "/decline",
            Map.of("reasonCode", "SPAM", "reason", "Keyboard-mash company, fake phone"));
    local.settle();

    assertEquals(200, declined.status(), declined.body());
    Lead lead = local.lead(leadId);
    assertEquals(LeadStatus.RECYCLED, lead.status());
    assertTrue(lead.owner().isEmpty());
    HistoryEvent recycled =
        local.leadHistory(leadId).stream()
            .filter(e -> e.type().equals("RECYCLED"))
            .findFirst()
            .orElseThrow();
    assertEquals("Spam: Keyboard-mash company, fake phone", recycled.details().get("reason"));
    local.advance(OFFER_WINDOW.multipliedBy(4));
    assertEquals(1, offers("Spam").size(), "no other rep is offered a spam lead");
    assertEquals(
        List.of("Thanks for getting in touch"),
        prospectMail(email("Spam")),
        "after the acknowledgement the sender gets no more mail");
    List<String> states = local.statesEntered(leadId);
    assertEquals(
        List.of("Take In Lead", "Offer To Rep", "Record Recycled Offer", "Recycle Lead"), states);
    assertEquals(ExecutionStatus.SUCCEEDED, local.execution(leadId).status());
  }

  @Test
  void belowThreshold_isNurtured_andNoRepIsOffered() {
    Map<String, Object> student = new LinkedHashMap<>();
    student.put("email", "sam.student@gmail.com");
    student.put("firstName", "Sam");
    student.put("lastName", "Student");
    student.put("jobTitle", "Student");
    student.put("formId", "newsletter");
    String leadId = local.submit(student);

    Lead lead = local.lead(leadId);
    assertEquals(LeadStatus.NURTURE, lead.status());
    assertTrue(lead.score().isPresent());
    assertTrue(lead.owner().isEmpty());
    List<SentEmail> thanks = local.mailTo("sam.student@gmail.com");
    assertEquals(1, thanks.size(), "the prospect is thanked once");
    assertTrue(thanks.get(0).text().contains("We cannot promise a call"), thanks.get(0).text());
    assertTrue(local.mailAbout("Sam Student").isEmpty(), "no rep hears about it");
    assertEquals(List.of("Take In Lead", "Nurture Lead"), local.statesEntered(leadId));
  }

  @Test
  void acceptAfterDeadline_showsExpiredPage_andChangesNothing() {
    String leadId = local.submit(demoRequest("Late"));
    SentEmail late = onlyOffer("Late");

    local.advance(OFFER_WINDOW.plusMinutes(1));
    SentEmail current = offers("Late").get(1);
    List<String> statesBefore = local.statesEntered(leadId);

    Response response = local.postForm(offerLink(late) + "/accept", Map.of());
    local.settle();

    assertEquals(410, response.status());
    assertTrue(response.body().toLowerCase().contains("expired"), response.body());
    Lead lead = local.lead(leadId);
    assertEquals(LeadStatus.ROUTING, lead.status());
    assertTrue(lead.owner().isEmpty());
    assertEquals(statesBefore, local.statesEntered(leadId), "the workflow did not move");
    assertEquals(200, local.get(offerLink(current)).status(), "the next rep's offer is still open");
  }

  @Test
  void acceptsRacing_leaveExactlyOneOwner_andOneSetOfFollowUps() throws Exception {
    String leadId = local.submit(demoRequest("Race"));
    SentEmail stale = onlyOffer("Race");
    local.advance(OFFER_WINDOW.plusSeconds(1));
    SentEmail open = offers("Race").get(1);

    // The timed-out rep and the current rep (twice: laptop and phone) all press Accept at once.
    List<String> links =
        List.of(offerLink(stale), offerLink(open), offerLink(open), offerLink(open));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(links.size());
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (String link : links) {
        Callable<Response> accept =
            () -> {
              go.await();
              return local.postForm(link + "/accept", Map.of());
            };
        answers.add(pool.submit(accept));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        statuses.add(answer.get().status());
      }
      local.settle();

      assertEquals(410, statuses.get(0), "the expired offer cannot be taken");
      assertEquals(List.of(200, 200, 200), statuses.subList(1, 4), "accepting twice is harmless");
    } finally {
      pool.shutdownNow();
    }
    Lead lead = local.lead(leadId);
    assertEquals(rep(open), lead.owner().orElseThrow().email());
    assertEquals(
        1,
        local.leadHistory(leadId).stream().filter(e -> e.type().equals("OFFER_ACCEPTED")).count());
    assertEquals(
        List.of("Thanks for getting in touch", "introduction"), prospectMail(email("Race")));
    assertEquals(1, local.mailAbout("You own this lead: " + name("Race")).size());
    assertEquals(ExecutionStatus.SUCCEEDED, local.execution(leadId).status());
  }

  /** Take In Lead's name: after the stack (the project folder locally), as template.yaml says. */
  private String takeInLeadName() {
    return local
        .runtime
        .services()
        .template()
        .functionDeclaredAs("TakeInLeadFunction")
        .orElseThrow()
        .name();
  }

  @Test
  void taskThrottledTwice_isRetriedWithBackoff_andSucceeds() {
    String takeInLead = takeInLeadName();
    local.runtime.faults().throttleLambda(takeInLead, 2);

    String leadId = local.submit(demoRequest("Retried"));
    assertTrue(offers("Retried").isEmpty(), "Take In Lead waits to retry");

    local.advance(Duration.ofMinutes(1));

    assertEquals(1, offers("Retried").size());
    Map<String, Long> events =
        local.eventTypes(leadId).stream()
            .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    // Take In Lead is a lambda:invoke.waitForTaskToken task: its failed invocations are TaskFailed.
    assertEquals(2L, events.get("TaskFailed"), events.toString());
    assertEquals(
        List.of("Take In Lead", "Offer To Rep"),
        local.statesEntered(leadId),
        "retries stay inside the state");
    assertEquals(LeadStatus.ROUTING, local.lead(leadId).status());
  }

  @Test
  void heldInvocation_leavesTheLeadAsReceived_andItsPayloadAnswersTheWaitingTask() {
    String takeInLead = takeInLeadName();
    CompletableFuture<JsonNode> held = local.runtime.faults().holdLambda(takeInLead);

    String leadId = local.submit(demoRequest("Held"));

    // GIVEN Take In Lead's invocation held back: the lead is as intake stored it, the task waits
    assertTrue(held.isDone(), "the engine invoked Take In Lead");
    JsonNode payload = held.join();
    assertEquals(leadId, payload.path("leadId").asText());
    assertEquals(LeadStatus.RECEIVED, local.lead(leadId).status());
    assertEquals(List.of("Take In Lead"), local.statesEntered(leadId));
    assertTrue(offers("Held").isEmpty());
    // WHEN the held payload is run by the function after all
    local.runtime.services().functions().invoke(takeInLead, payload);
    local.settle();
    // THEN its answer with the token resumes the execution: the lead is offered
    assertEquals(1, offers("Held").size());
    assertEquals(List.of("Take In Lead", "Offer To Rep"), local.statesEntered(leadId));
  }

  @Test
  void taskFailingPermanently_parksLeadAsNeedsAttention_andAlerts() {
    // SES refuses every inbound rep (as for unverified addresses): sending an offer cannot work.
    INBOUND_REPS.forEach(local.runtime.faults()::rejectRecipient);

    String leadId = local.submit(demoRequest("Broken"));

    assertEquals(LeadStatus.NEEDS_ATTENTION, local.lead(leadId).status());
    List<SentEmail> alerts = local.mailTo(FALLBACK_MANAGER);
    assertEquals(1, alerts.size());
    assertTrue(alerts.get(0).subject().startsWith("Needs attention: lead " + name("Broken")));
    assertTrue(alerts.get(0).subject().contains("MessageRejected"), alerts.get(0).subject());
    List<String> states = local.statesEntered(leadId);
    assertEquals(
        List.of("Offer To Rep", "Park Lead", "Needs Attention"),
        states.subList(states.size() - 3, states.size()));
    assertEquals(ExecutionStatus.FAILED, local.execution(leadId).status());
  }

  @Test
  void offerEmailRefusedForGood_theLeadShowsNoOfferMade_inItsHistoryReportsOrEvents() {
    // GIVEN SES refuses every inbound rep: the offer's email can never leave
    INBOUND_REPS.forEach(local.runtime.faults()::rejectRecipient);

    // WHEN a hot lead is routed to one of them and parked after the refusal
    String leadId = local.submit(demoRequest("Unsent"));
    assertEquals(LeadStatus.NEEDS_ATTENTION, local.lead(leadId).status());

    // THEN the lead's page and the reports do not say a rep was offered the lead: the offer was
    // recorded with its write before the email, and withdrawn when the email was refused
    List<String> history = local.leadHistory(leadId).stream().map(HistoryEvent::type).toList();
    assertTrue(history.contains("NEEDS_ATTENTION"), history.toString());
    assertTrue(!history.contains("OFFERED"), history.toString());
    assertEquals(java.util.Optional.empty(), local.slaFacts(leadId));
    assertTrue(
        local.leadEvents(leadId).stream().noneMatch(e -> e.detailType().equals("Lead Offered")),
        local.leadEvents(leadId).toString());
  }
}
