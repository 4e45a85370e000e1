package com.leadhandoff.takein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.acknowledgement.AcknowledgeLeadHandler;
import com.leadhandoff.acknowledgement.Acknowledgement;
import com.leadhandoff.email.Email;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.followup.FollowUps;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.OpenLeads;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.offer.OfferStore;
import com.leadhandoff.ownership.Accounts;
import com.leadhandoff.ownership.DuplicateMerge;
import com.leadhandoff.ownership.MatchLeadHandler;
import com.leadhandoff.ownership.MergeTargets;
import com.leadhandoff.ownership.Ownership;
import com.leadhandoff.routing.Directory;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.LeadRouter;
import com.leadhandoff.routing.RouteLeadHandler;
import com.leadhandoff.scoring.ScoreLeadHandler;
import com.leadhandoff.scoring.ScoringModels;
import com.leadhandoff.scoring.SubmissionBuilder;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoAddressClaims;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.DynamoUnsubscribes;
import com.leadhandoff.task.OwnAnswer;
import com.leadhandoff.testing.CountedDynamo;
import com.leadhandoff.testing.RecordingMailer;
import com.leadhandoff.testing.RecordingWorkflow;
import com.leadhandoff.testing.TestDynamo;
import com.leadhandoff.unsubscribe.UnsubscribeMailer;
import com.leadhandoff.workflow.Turns;
import com.leadhandoff.workflow.Workflow;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * Take In Lead killed at each point of the acknowledgement's writes, then retried as Step Functions
 * retries it (the same task, a fresh invocation), against the test DynamoDB engine with the shipped
 * rules: the prospect gets one acknowledgement at most, its ACKNOWLEDGED entry is written exactly
 * once and before ROUTED, and the lead is routed once. The acknowledgement's entry is held back for
 * Route Lead's, so a process that dies in between loses it; the email's claim makes the retry
 * record it. Monday 2026-11-23, 10:00 in Berlin: inbound-sales works.
 */
class TakeInLeadRetryTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final String TOKEN = "task-token-1";
  private static final String UNCONFIRMED = "it was not sent again, so it may not have arrived";

  private final Map<String, String> tables = TestDynamo.tables();
  private final TickingClock clock = new TickingClock(NOW);
  private final RecordingMailer ses = new RecordingMailer();
  private final RecordingWorkflow workflow = new RecordingWorkflow();
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final DynamoDirectory directory =
      new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
  private final String leadId = "lead-" + System.nanoTime();

  /**
   * A clock that moves on a millisecond each time it is read, as time passes between a step's
   * writes (entries at one instant sort in any order).
   */
  private static final class TickingClock extends Clock {
    private Instant now;

    TickingClock(Instant start) {
      this.now = start;
    }

    synchronized void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
      now = now.plusMillis(1);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** Stands for the kill: once thrown, nothing the process calls reaches a service. */
  static final class Killed extends RuntimeException {
    Killed() {
      super("the process was killed");
    }
  }

  /** A service's refusal after the SDK's own retries, such as throttling. */
  static final class Refused extends RuntimeException {
    Refused(String request) {
      super("refused: " + request);
    }
  }

  /** One process running Take In Lead: its requests, and when it dies. */
  private final class Life {
    final List<String> requests = new ArrayList<>();
    private final Predicate<String> killAfter;
    private final Predicate<String> refuse;
    private boolean dead;
    private boolean refused;
    private boolean killAfterSend;

    Life(Predicate<String> killAfter, Predicate<String> refuse) {
      this.killAfter = killAfter;
      this.refuse = refuse;
    }

    void check() {
      if (dead) {
        throw new Killed();
      }
    }

    /** The handler this process runs, on its own invocation cache. */
    TakeInLeadHandler handler() {
      Settings settings =
          Settings.of(
              Map.of(
                  "LEADS_TABLE", tables.get("LeadsTable"),
                  "OFFERS_TABLE", tables.get("OffersTable"),
                  "TEAMS_TABLE", tables.get("TeamsTable"),
                  "REPS_TABLE", tables.get("RepsTable"),
                  "MAX_OFFERS", "3"),
              clock);
      DynamoDbClient dynamo = dynamo();
      InvocationCache cache = new InvocationCache();
      LeadStore leads = cache.leads(new DynamoLeadStore(dynamo, tables.get("LeadsTable")));
      LeadHistory steps = cache.history(new DynamoLeadHistory(dynamo, tables.get("HistoryTable")));
      Directory teams =
          cache.directory(
              new DynamoDirectory(dynamo, tables.get("TeamsTable"), tables.get("RepsTable")));
      OfferStore offers = cache.offers(new DynamoOfferStore(dynamo, tables.get("OffersTable")));
      Mailer mailer =
          new UnsubscribeMailer(
              mailer(),
              new DynamoUnsubscribes(dynamo, tables.get("UnsubscribesTable")),
              "https://leads.example.com",
              clock);
      OpenLeads open = OpenLeads.days(OpenLeads.DEFAULT_DAYS);
      return new TakeInLeadHandler(
          new MatchLeadHandler(
              new DuplicateMerge(
                  leads,
                  offers,
                  steps,
                  mailer,
                  clock,
                  new MergeTargets(
                      leads,
                      new DynamoAddressClaims(dynamo, tables.get("AddressClaimsTable")),
                      clock,
                      open))),
          new ScoreLeadHandler(leads, steps, ScoringModels.bundled(), clock),
          new AcknowledgeLeadHandler(
              new Acknowledgement(
                  leads,
                  steps,
                  mailer,
                  clock,
                  RouteLeadHandler.teamChooser(teams),
                  RouteLeadHandler.deadlines(RouteLeadHandler.bundledPolicy(), settings),
                  FollowUps.bundled(),
                  AcknowledgeLeadHandler.ownerTeams(
                      new Ownership(Accounts.bundled(), leads, open), teams, clock))),
          new RouteLeadHandler(settings, dynamo, leads, steps, teams, offers),
          new OwnAnswer(workflow()),
          cache);
    }

    /** The test engine, counted; dead after the request {@code killAfter} names. */
    private DynamoDbClient dynamo() {
      DynamoDbClient counted = CountedDynamo.of(tables, requests);
      InvocationHandler handler =
          (proxy, method, args) -> {
            if (method.getName().endsWith("Paginator")
                || (args != null && args.length == 1 && args[0] instanceof Consumer)) {
              return InvocationHandler.invokeDefault(proxy, method, args);
            }
            boolean request =
                args != null && args.length == 1 && args[0] instanceof DynamoDbRequest;
            if (request) {
              check();
            }
            Object answer;
            try {
              answer = method.invoke(counted, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            if (request) {
              String made = requests.get(requests.size() - 1);
              if (!refused && refuse.test(made)) {
                refused = true;
                throw new Refused(made);
              }
              dead = killAfter.test(made);
            }
            return answer;
          };
      return (DynamoDbClient)
          Proxy.newProxyInstance(
              DynamoDbClient.class.getClassLoader(),
              new Class<?>[] {DynamoDbClient.class},
              handler);
    }

    /** SES as the test records it; dead after the acknowledgement went when so told. */
    private Mailer mailer() {
      return email -> {
        check();
        ses.send(email);
        dead = killAfterSend;
      };
    }

    private Workflow workflow() {
      return new Workflow() {
        @Override
        public void start(String leadId) {
          check();
          workflow.start(leadId);
        }

        @Override
        public Callback succeed(String taskToken, String outputJson) {
          check();
          return workflow.succeed(taskToken, outputJson);
        }

        @Override
        public Callback fail(String taskToken, String error, String cause) {
          check();
          return workflow.fail(taskToken, error, cause);
        }
      };
    }

    TakeInLeadHandler.Output takeIn() {
      return handler().apply(new TakeInLeadHandler.Input(leadId, TOKEN));
    }
  }

  private Life live() {
    return new Life(r -> false, r -> false);
  }

  private Life killedAfter(String request) {
    return new Life(request::equals, r -> false);
  }

  private void seedDirectory(boolean withReps) {
    DirectoryConfig shipped = DirectoryConfig.bundled();
    shipped.teams().forEach(directory::save);
    if (withReps) {
      shipped.reps().forEach(directory::save);
    }
  }

  private void received(Submission submission) {
    new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"))
        .create(Lead.received(leadId, NOW.minusSeconds(2), submission));
  }

  private static Submission demoRequest() {
    return SubmissionBuilder.vpAskingForDemo().companySize(250).build();
  }

  @Test
  void standardLead_theAcknowledgementsWritesGoWithTheEmailsClaimAndWithRouted() {
    // GIVEN a demo request and the shipped directory
    seedDirectory(true);
    received(demoRequest());

    // WHEN Take In Lead runs
    Life life = live();
    TakeInLeadHandler.Output taken = life.takeIn();

    // THEN the claim and the unsubscribe link in one transaction, ACKNOWLEDGED with ROUTED in
    // another, and no history entry or link written alone
    assertEquals("SUCCEEDED", taken.answer());
    assertEquals("ACKNOWLEDGED", taken.acknowledgement());
    assertEquals(1, count(life, "TransactWriteItems HistoryTable+UnsubscribesTable"));
    assertEquals(1, count(life, "TransactWriteItems HistoryTable"));
    assertEquals(0, count(life, "PutItem HistoryTable"), life.requests.toString());
    assertEquals(0, count(life, "PutItem UnsubscribesTable"), life.requests.toString());
    acknowledgedOnceThenRouted();
    assertEquals(1, acknowledgements().size());
    assertTrue(acknowledgements().get(0).text().contains("https://leads.example.com/unsubscribe/"));
  }

  @Test
  void killedAfterTheSend_beforeTheJoinedWrite_theRetrySendsNothing_andRecordsItOnce() {
    // GIVEN a demo request, and a process killed right after the acknowledgement went out
    seedDirectory(true);
    received(demoRequest());
    Life first = live();
    first.killAfterSend = true;
    assertThrows(Killed.class, first::takeIn);
    assertEquals(1, acknowledgements().size());
    assertFalse(types().contains("ACKNOWLEDGED"), types().toString());

    // WHEN Step Functions retries the task a minute later
    clock.advance(Duration.ofMinutes(1));
    TakeInLeadHandler.Output retried = live().takeIn();

    // THEN no second email; ACKNOWLEDGED once, saying the email may not have arrived, before
    // ROUTED; the route answered
    assertEquals("ACKNOWLEDGED", retried.acknowledgement());
    assertEquals(1, acknowledgements().size());
    HistoryEvent acknowledged = acknowledgedOnceThenRouted();
    assertTrue(acknowledged.summary().contains(UNCONFIRMED), acknowledged.summary());
    assertEquals(List.of(true), workflow.callbacks().stream().map(c -> c.success()).toList());
  }

  @Test
  void killedInsideRouteLead_afterTheRepsReservation_theRetryRecordsTheAcknowledgementOnce() {
    // GIVEN a process killed inside Route Lead, the acknowledgement sent and its entry held back
    seedDirectory(true);
    received(demoRequest());
    assertThrows(Killed.class, killedAfter("UpdateItem RepsTable")::takeIn);
    assertEquals(1, acknowledgements().size());
    assertEquals(List.of("SCORED"), types());

    // WHEN the task is retried
    clock.advance(Duration.ofMinutes(1));
    TakeInLeadHandler.Output retried = live().takeIn();

    // THEN one email, ACKNOWLEDGED once before ROUTED, and the route answered
    assertEquals("SUCCEEDED", retried.answer());
    assertEquals(1, acknowledgements().size());
    acknowledgedOnceThenRouted();
    assertEquals(1, workflow.callbacks().size());
  }

  @Test
  void killedAfterTheJoinedWrite_beforeTheAnswer_theRetryWritesNothingAgain() {
    // GIVEN a process killed right after ACKNOWLEDGED and ROUTED were written together
    seedDirectory(true);
    received(demoRequest());
    assertThrows(Killed.class, killedAfter("TransactWriteItems HistoryTable")::takeIn);
    List<HistoryEvent> before = history.of(leadId);

    // WHEN the task is retried
    clock.advance(Duration.ofMinutes(1));
    TakeInLeadHandler.Output retried = live().takeIn();

    // THEN nothing new in the history: the acknowledgement keeps its time, the same rep is answered
    assertEquals("ALREADY_ACKNOWLEDGED", retried.acknowledgement());
    assertEquals(before, history.of(leadId));
    assertTrue(acknowledgedOnceThenRouted().at().isBefore(NOW.plusSeconds(1)));
    assertEquals(1, acknowledgements().size());
    assertEquals(1, workflow.callbacks().size());
    assertTrue(workflow.callbacks().get(0).success());
  }

  @Test
  void killedAfterTheClaimAndLink_beforeTheSend_theRetrySendsNothing_andRecordsItOnce() {
    // GIVEN a process killed right after the email's claim and link were written, before SES
    seedDirectory(true);
    received(demoRequest());
    assertThrows(
        Killed.class, killedAfter("TransactWriteItems HistoryTable+UnsubscribesTable")::takeIn);

    // WHEN the task is retried
    clock.advance(Duration.ofMinutes(1));
    live().takeIn();

    // THEN the claim holds (a retry never sends what may have gone), and the entry says so
    assertEquals(0, acknowledgements().size());
    HistoryEvent acknowledged = acknowledgedOnceThenRouted();
    assertTrue(acknowledged.summary().contains(UNCONFIRMED), acknowledged.summary());
  }

  @Test
  void noRepAvailable_acknowledgedIsWrittenWithNoRep_andTheTurnAnswered() {
    // GIVEN the teams without reps
    seedDirectory(false);
    received(demoRequest());

    // WHEN Take In Lead runs
    Life life = live();
    TakeInLeadHandler.Output taken = life.takeIn();

    // THEN ACKNOWLEDGED and NO_REP in one write, in that order, and the turn taken
    assertEquals(Turns.NO_REP_AVAILABLE, taken.answer());
    assertEquals(List.of("SCORED", "ACKNOWLEDGED", "NO_REP"), types());
    assertEquals(1, count(life, "TransactWriteItems HistoryTable"));
    assertEquals(0, count(life, "PutItem HistoryTable"));
    assertEquals(
        List.of(Turns.NO_REP_AVAILABLE),
        workflow.callbacks().stream().map(c -> c.error()).toList());

    // AND a retry of the same task records neither again
    live().takeIn();
    assertEquals(List.of("SCORED", "ACKNOWLEDGED", "NO_REP"), types());
  }

  @Test
  void notQualified_acknowledgedIsWrittenAlone_beforeTheTaskIsAnswered() {
    // GIVEN a student on the newsletter, and a process killed right after its history write
    seedDirectory(true);
    received(SubmissionBuilder.studentOnNewsletter().build());
    assertThrows(Killed.class, killedAfter("PutItem HistoryTable")::takeIn);

    // THEN the entry was written before the task's answer, which the kill stopped
    assertEquals(List.of("SCORED", "ACKNOWLEDGED"), types());
    assertEquals(List.of(), workflow.callbacks());

    // AND the retry answers without writing it again
    TakeInLeadHandler.Output retried = live().takeIn();
    assertEquals(Turns.LEAD_NOT_QUALIFIED, retried.answer());
    assertEquals("ALREADY_ACKNOWLEDGED", retried.acknowledgement());
    assertEquals(List.of("SCORED", "ACKNOWLEDGED"), types());
  }

  @Test
  void routeLeadFails_theAcknowledgementIsWrittenAlone_andTheRetryRoutes() {
    // GIVEN the reps' query refused (throttled past the SDK's retries) once
    seedDirectory(true);
    received(demoRequest());
    Life first = new Life(r -> false, "Query RepsTable"::equals);

    // WHEN Take In Lead fails, and is retried
    assertThrows(Refused.class, first::takeIn);
    List<HistoryEvent> afterFailure = history.of(leadId);
    clock.advance(Duration.ofMinutes(1));
    TakeInLeadHandler.Output retried = live().takeIn();

    // THEN the acknowledgement was recorded before the step failed, and once in all
    assertEquals(List.of("SCORED", "ACKNOWLEDGED"), types(afterFailure));
    assertEquals("ALREADY_ACKNOWLEDGED", retried.acknowledgement());
    assertEquals("SUCCEEDED", retried.answer());
    assertEquals(afterFailure.get(1), acknowledgedOnceThenRouted());
    assertEquals(1, acknowledgements().size());
  }

  @Test
  void theJoinedWriteFails_theAcknowledgementIsWrittenAloneOnce_andTheRetryRoutes() {
    // GIVEN the transaction of ACKNOWLEDGED and ROUTED refused once
    seedDirectory(true);
    received(demoRequest());
    Life first = new Life(r -> false, "TransactWriteItems HistoryTable"::equals);

    // WHEN Take In Lead fails, and is retried
    assertThrows(Refused.class, first::takeIn);
    clock.advance(Duration.ofMinutes(1));
    live().takeIn();

    // THEN (the refusal came after the engine stored both, as a lost answer would) the
    // acknowledgement and the route are each recorded once
    assertEquals(1, acknowledgements().size());
    acknowledgedOnceThenRouted();
  }

  /** ACKNOWLEDGED once, then ROUTED once, in the lead's timeline; returns ACKNOWLEDGED. */
  private HistoryEvent acknowledgedOnceThenRouted() {
    List<HistoryEvent> events = history.of(leadId);
    List<String> types = events.stream().map(HistoryEvent::type).toList();
    assertEquals(
        1, types.stream().filter(Acknowledgement.ACKNOWLEDGED::equals).count(), types.toString());
    assertEquals(1, types.stream().filter(LeadRouter.ROUTED::equals).count(), types.toString());
    int acknowledged = types.indexOf(Acknowledgement.ACKNOWLEDGED);
    int routed = types.indexOf(LeadRouter.ROUTED);
    assertTrue(acknowledged < routed, types.toString());
    // The acknowledgement's own time, taken before Route Lead's, though written with it.
    assertTrue(events.get(acknowledged).at().isBefore(events.get(routed).at()), events.toString());
    return events.get(acknowledged);
  }

  private List<String> types() {
    return types(history.of(leadId));
  }

  private static List<String> types(List<HistoryEvent> events) {
    return events.stream().map(HistoryEvent::type).toList();
  }

  private List<Email> acknowledgements() {
    return ses.sentTo("jana.keller@brightlane.de");
  }

  private static long count(Life life, String request) {
    return life.requests.stream().filter(request::equals).count();
  }
}
