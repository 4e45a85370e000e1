package com.leadhandoff.local.workflow;

import static com.leadhandoff.local.workflow.LeadHandoffRuntime.demoRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.deliverability.EmailFeedbackHandling;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.local.ses.SentEmail;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.store.DynamoDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bounces and complaints, end to end in the local runtime: the functions send through the
 * template's configuration set, the local SES endpoint plays the SES mailbox simulator and puts
 * SES's event on the default bus, and the template's rule invokes EmailFeedbackFunction.
 */
class EmailFeedbackWorkflowTest {
  private static final String MANAGER = "morgan.lee@sales.example.com";

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
  void offerToARepWhoseAddressBounces_takesTheRepOutOfRotation_andAlertsTheTeamManager() {
    // GIVEN every inbound-sales rep's address hard-bounces (SES mailbox simulator, labelled)
    DynamoDirectory directory = local.directory();
    for (Rep rep : directory.activeReps("inbound-sales")) {
      changedReps.add(rep);
      directory.save(withEmail(rep, "bounce+" + rep.repId() + "@simulator.amazonses.com"));
    }

    // WHEN a qualified lead is offered to one of them
    local.submit(demoRequest("Bouncer"));

    // THEN the offer went through the configuration set and bounced
    SentEmail offer = local.mailAbout("New lead for you: Dana Bouncer").get(0);
    assertFalse(offer.configurationSet().isBlank(), "sent through the configuration set");
    String repId = offer.to().get(0).replaceAll("^bounce\\+|@.*$", "");
    // AND that rep is paused, out of the rotation
    assertTrue(local.directory().rep(repId).orElseThrow().paused(), repId + " is paused");
    // AND the team's manager is told who and why
    List<SentEmail> alerts = local.mailTo(MANAGER);
    assertEquals(1, alerts.size(), "one alert to the manager");
    assertTrue(
        alerts.get(0).subject().contains("taken out of the lead rotation"),
        alerts.get(0).subject());
    assertTrue(
        alerts.get(0).text().contains("/admin/reps/" + repId + "/resume"), alerts.get(0).text());
  }

  @Test
  void acknowledgementToAProspectWhoseAddressBounces_marksTheLead() {
    // GIVEN a prospect whose address hard-bounces
    Map<String, Object> lead = demoRequest("Nowhere");
    lead.put("email", "bounce+nowhere@simulator.amazonses.com");

    // WHEN the lead arrives and is acknowledged
    String leadId = local.submit(lead);

    // THEN its history says email does not reach the prospect, once
    List<HistoryEvent> failed =
        local.leadHistory(leadId).stream()
            .filter(e -> e.type().equals(EmailFeedbackHandling.PROSPECT_EMAIL_FAILED))
            .toList();
    assertEquals(1, failed.size(), local.leadHistory(leadId).toString());
    assertEquals("BOUNCE", failed.get(0).details().get("kind"));
    // AND no rep was paused for it
    assertTrue(local.directory().activeReps("inbound-sales").stream().noneMatch(Rep::paused));
  }

  private static Rep withEmail(Rep rep, String email) {
    return new Rep(
        rep.repId(),
        rep.name(),
        email,
        rep.teamId(),
        rep.active(),
        rep.timeZone(),
        rep.weight(),
        rep.paused(),
        rep.workingHours(),
        rep.outOfOffice(),
        rep.maxOpenOffers(),
        rep.maxLeadsPerDay());
  }
}
