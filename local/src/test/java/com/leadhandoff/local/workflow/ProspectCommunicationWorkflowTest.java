package com.leadhandoff.local.workflow;

import static com.leadhandoff.local.workflow.LeadHandoffRuntime.demoRequest;
import static com.leadhandoff.local.workflow.LeadHandoffRuntime.email;
import static com.leadhandoff.local.workflow.LeadHandoffRuntime.offerLink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.ses.SentEmail;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.store.DynamoDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the prospect hears, and who owns a lead nobody could be offered, on the real state machine
 * and handlers in the local runtime on the virtual clock, with the demo {@code config/}: the
 * acknowledgement after scoring, the campaign's follow-up of {@code config/follow-ups.yaml}, and
 * the fallback queue of {@code config/directory.yaml}.
 */
class ProspectCommunicationWorkflowTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String QUEUE = "sales-ops@sales.example.com";

  private LeadHandoffRuntime local;
  private final List<Rep> changedReps = new ArrayList<>();

  @BeforeEach
  void freshRun() {
    local = LeadHandoffRuntime.fresh();
  }

  @AfterEach
  void restoreReps() {
    DynamoDirectory directory = local.directory();
    changedReps.forEach(directory::save);
  }

  @Test
  void hotLead_isAcknowledgedBeforeTheOffer_withTheTimeInBerlinWorkingHours() {
    Instant now = local.clock.now();
    LocalTime berlin = now.atZone(BERLIN).toLocalTime();
    assertTrue(
        berlin.isAfter(LocalTime.of(8, 0)) && berlin.isBefore(LocalTime.of(17, 45)),
        "the workflow tests run inside inbound's working hours, was " + berlin);

    String leadId = local.submit(demoRequest("Acked"));

    List<SentEmail> toProspect = local.mailTo(email("Acked"));
    assertEquals(1, toProspect.size());
    SentEmail ack = toProspect.get(0);
    assertEquals("Thanks for getting in touch", ack.subject());
    String by =
        DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH)
            .format(ZonedDateTime.ofInstant(now.plus(Duration.ofMinutes(15)), BERLIN));
    assertTrue(
        ack.text()
            .contains(
                "will contact you by "
                    + by
                    + " (Europe/Berlin time), within 15 minutes of working time."),
        ack.text());
    assertEquals(1, local.mailAbout("New lead for you: Dana Acked").size());
    List<String> states = local.statesEntered(leadId);
    assertEquals(
        List.of("Take In Lead", "Offer To Rep"), states, "acknowledged inside Take In Lead");
    assertEquals(1, events(leadId, "ACKNOWLEDGED").size());
  }

  @Test
  void leadForNurture_isAcknowledgedWithoutAPromise_andNothingElseIsSent() {
    Map<String, Object> student = new LinkedHashMap<>();
    student.put("email", "lee.student@gmail.com");
    student.put("firstName", "Lee");
    student.put("jobTitle", "Student");
    student.put("formId", "newsletter");

    String leadId = local.submit(student);

    List<SentEmail> toProspect = local.mailTo("lee.student@gmail.com");
    assertEquals(1, toProspect.size());
    assertTrue(toProspect.get(0).text().startsWith("Hi Lee,"), toProspect.get(0).text());
    assertTrue(toProspect.get(0).text().contains("We cannot promise a call"));
    assertFalse(toProspect.get(0).text().contains("will contact you by"));
    assertEquals(LeadStatus.NURTURE, local.lead(leadId).status());
  }

  @Test
  void sesRejectingTheAcknowledgement_doesNotStopTheHandoff_andTheHistorySaysSo() {
    local.runtime.faults().rejectRecipient(email("Bounced"));

    String leadId = local.submit(demoRequest("Bounced"));

    List<SentEmail> offers = local.mailAbout("New lead for you: Dana Bounced");
    assertEquals(1, offers.size(), "the rep is offered the lead all the same");
    assertTrue(local.mailTo(email("Bounced")).isEmpty());
    HistoryEvent failed = events(leadId, "ACKNOWLEDGEMENT_FAILED").get(0);
    assertTrue(failed.details().get("error").contains("MessageRejected"), failed.toString());
    assertEquals(
        List.of("Take In Lead", "Offer To Rep"),
        local.statesEntered(leadId),
        "the failure is recorded inside Take In Lead, which goes on to the offer");

    // Once SES takes the address again, the rest of the handoff mails the prospect as usual.
    local.runtime.faults().clear();
    local.postForm(offerLink(offers.get(0)) + "/accept", Map.of());
    local.settle();

    assertEquals(LeadStatus.ACCEPTED, local.lead(leadId).status());
    assertEquals(1, local.mailTo(email("Bounced")).size(), "the introduction");
    assertEquals(ExecutionStatus.SUCCEEDED, local.execution(leadId).status());
  }

  @Test
  void webinarLead_isThankedForTheWebinar_andItsRepConfirmsTheEventWithDateAndLink() {
    Map<String, Object> lead = demoRequest("Webinar");
    lead.put("utm_campaign", "webinar-pipeline-dec");

    String leadId = local.submit(lead);
    SentEmail offer = local.mailAbout("New lead for you: Dana Webinar").get(0);
    local.postForm(offerLink(offer) + "/accept", Map.of());
    local.settle();

    List<SentEmail> toProspect = local.mailTo(email("Webinar"));
    assertEquals(2, toProspect.size());
    assertEquals(
        "Thanks for requesting a seat at our webinar \"Five minutes to first response\"",
        toProspect.get(0).subject());
    SentEmail intro = toProspect.get(1);
    assertTrue(
        intro.subject().startsWith("See you on Thursday 10 December 2026: "), intro.subject());
    assertTrue(intro.text().contains("Join here: https://www.example.com/webinars/five-minutes"));
    assertTrue(
        intro.html().contains("&quot;Five minutes to first response&quot;"), "escaped in HTML");
    HistoryEvent introduced = events(leadId, "PROSPECT_INTRODUCED").get(0);
    assertEquals("intro-event", introduced.details().get("template"));
    assertTrue(
        introduced
            .summary()
            .contains("follow-up pipeline-webinar: utmCampaign webinar-pipeline-dec"),
        introduced.summary());
  }

  @Test
  void noEligibleRepAtAll_theFallbackQueueOwnsTheLead_andIsAlertedWithWhoWasSkipped() {
    // GIVEN enterprise's only active rep, David, paused (Elena is inactive, Farah paused already)
    pause("david-kim");
    Map<String, Object> lead = demoRequest("Queued");
    lead.put("companySize", 5000);

    String leadId = local.submit(lead);

    Lead queued = local.lead(leadId);
    assertEquals(LeadStatus.QUEUED, queued.status());
    assertEquals(Owner.Role.QUEUE, queued.owner().orElseThrow().role());
    assertEquals(QUEUE, queued.owner().orElseThrow().email());
    List<SentEmail> alerts = local.mailTo(QUEUE);
    assertEquals(1, alerts.size());
    SentEmail alert = alerts.get(0);
    assertTrue(alert.subject().contains("Lead queued in Unassigned leads"), alert.subject());
    assertTrue(alert.text().contains("- david-kim: paused\n"), alert.text());
    assertTrue(alert.text().contains("- farah-haddad: paused\n"), alert.text());
    assertTrue(local.mailAbout("New lead for you: Dana Queued").isEmpty(), "nobody was offered");
    assertTrue(local.mailAbout("Lead escalated to you").isEmpty(), "no manager escalation");
    List<String> states = local.statesEntered(leadId);
    assertEquals(List.of("Take In Lead", "Queue Lead"), states);
    assertEquals(ExecutionStatus.SUCCEEDED, local.execution(leadId).status());
  }

  private void pause(String repId) {
    DynamoDirectory directory = local.directory();
    Rep rep = directory.rep(repId).orElseThrow();
    changedReps.add(rep);
    directory.save(
        new Rep(
            rep.repId(),
            rep.name(),
            rep.email(),
            rep.teamId(),
            rep.active(),
            rep.timeZone(),
            rep.weight(),
            true,
            rep.workingHours(),
            rep.outOfOffice(),
            rep.maxOpenOffers(),
            rep.maxLeadsPerDay()));
  }

  private List<HistoryEvent> events(String leadId, String type) {
    return local.leadHistory(leadId).stream().filter(e -> e.type().equals(type)).toList();
  }
}
