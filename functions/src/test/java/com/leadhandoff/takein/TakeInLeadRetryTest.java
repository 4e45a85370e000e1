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
 * Take In Lead killed at each point of its writes, then retried as Step Functions retries it (the
 * same task, a fresh invocation), against the test DynamoDB engine with the shipped rules: the
 * prospect gets one acknowledgement at most, its ACKNOWLEDGED entry is written exactly once and
 * before ROUTED, and the lead is routed once. The score, the acknowledgement's claim, link and
 * entry and the route are written in one transaction before the email goes: a retry finds them,
 * sends nothing, takes no second turn or reservation, and answers with the recorded route. Monday
 * 2026-11-23, 10:00 in Berlin: inbound-sales works.
 */
class TakeInLeadRetryTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final String TOKEN = "task-token-1";
  private static final String UNCONFIRMED = "it was not sent again, so it may not have arrived";

  /** Take In Lead's one write of the score, the acknowledgement and the route. */
  private static final String JOINED =
      "TransactWriteItems HistoryTable+LeadsTable+UnsubscribesTable";

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
    private boolean sesRefuses;
    private String interruptAfter = "";
    private Runnable interruption = () -> {};

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
              if (made.equals(interruptAfter)) {
                interruptAfter = "";
                interruption.run();
              }
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
        if (sesRefuses) {
          throw new Refused("SendEmail");
        }
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
  void standardLead_scoreAcknowledgementAndRoute_goInOneWrite_beforeTheEmail() {
    // GIVEN a demo request and the shipped directory
    seedDirectory(true);
    received(demoRequest());

    // WHEN Take In Lead runs
    Life life = live();
    TakeInLeadHandler.Output taken = life.takeIn();

    // THEN the score, SCORED, the email's claim and link, ACKNOWLEDGED and ROUTED in one
    // transaction, nothing written alone, and the email with its link
    assertEquals("SUCCEEDED", taken.answer());
    assertEquals("ACKNOWLEDGED", taken.acknowledgement());
    assertEquals(1, count(life, JOINED), life.requests.toString());
    assertEquals(1, life.requests.stream().filter(r -> r.startsWith("TransactWriteItems")).count());
    assertEquals(0, count(life, "PutItem HistoryTable"), life.requests.toString());
    assertEquals(0, count(life, "PutItem UnsubscribesTable"), life.requests.toString());
    assertEquals(List.of("SCORED", "ACKNOWLEDGED", "ROUTED"), types());
    acknowledgedOnceThenRouted();
    assertEquals(1, acknowledgements().size());
    assertTrue(acknowledgements().get(0).text().contains("https://leads.example.com/unsubscribe/"));
  }

  @Test
  void killedAfterTheJoinedWrite_beforeTheEmail_theRetrySendsNothing_andAnswersTheRecordedRoute() {
    // GIVEN a process killed right after the joined write, before SES
    seedDirectory(true);
    received(demoRequest());
    assertThrows(Killed.class, killedAfter(JOINED)::takeIn);
    assertEquals(0, acknowledgements().size());
    HistoryEvent routedBefore = routed();

    // WHEN Step Functions retries the task a minute later
    clock.advance(Duration.ofMinutes(1));
    Life retry = live();
    TakeInLeadHandler.Output retried = retry.takeIn();

    // THEN the claim holds (a retry never sends what may have gone), the entry says so, and the
    // recorded rep is answered without a second turn, reservation or route
    assertEquals("ALREADY_ACKNOWLEDGED", retried.acknowledgement());
    assertEquals(0, acknowledgements().size());
    HistoryEvent acknowledged = acknowledgedOnceThenRouted();
    assertTrue(acknowledged.summary().contains(UNCONFIRMED), acknowledged.summary());
    assertEquals(routedBefore, routed());
    assertNoSecondRoute(retry);
    assertEquals(List.of(true), workflow.callbacks().stream().map(c -> c.success()).toList());
    assertTrue(
        workflow.callbacks().get(0).output().contains(routedBefore.details().get("repId")),
        workflow.callbacks().get(0).output());
  }

  @Test
  void killedAfterTheEmail_beforeTheAnswer_theRetrySendsNothingAgain() {
    // GIVEN a process killed right after the acknowledgement went out
    seedDirectory(true);
    received(demoRequest());
    Life first = live();
    first.killAfterSend = true;
    assertThrows(Killed.class, first::takeIn);
    assertEquals(1, acknowledgements().size());

    // WHEN the task is retried
    clock.advance(Duration.ofMinutes(1));
    Life retry = live();
    TakeInLeadHandler.Output retried = retry.takeIn();

    // THEN no second email, ACKNOWLEDGED once before ROUTED (the retry cannot tell the email went,
    // and says so), no second route, and the route answered
    assertEquals("ALREADY_ACKNOWLEDGED", retried.acknowledgement());
    assertEquals("SUCCEEDED", retried.answer());
    assertEquals(1, acknowledgements().size());
    HistoryEvent acknowledged = acknowledgedOnceThenRouted();
    assertTrue(acknowledged.summary().contains(UNCONFIRMED), acknowledged.summary());
    assertNoSecondRoute(retry);
    assertEquals(List.of(true), workflow.callbacks().stream().map(c -> c.success()).toList());

    // AND a second retry notes nothing again
    List<HistoryEvent> before = history.of(leadId);
    live().takeIn();
    assertEquals(before, history.of(leadId));
  }

  @Test
  void killedInsideRouteLead_afterTheRepsReservation_theRetryAcknowledgesOnce() {
    // GIVEN a process killed inside Route Lead: nothing of the three steps is written yet
    seedDirectory(true);
    received(demoRequest());
    assertThrows(Killed.class, killedAfter("UpdateItem RepsTable")::takeIn);
    assertEquals(0, acknowledgements().size());
    assertEquals(List.of(), types());

    // WHEN the task is retried
    clock.advance(Duration.ofMinutes(1));
    TakeInLeadHandler.Output retried = live().takeIn();

    // THEN one email, ACKNOWLEDGED once before ROUTED, and the route answered
    assertEquals("SUCCEEDED", retried.answer());
    assertEquals("ACKNOWLEDGED", retried.acknowledgement());
    assertEquals(1, acknowledgements().size());
    acknowledgedOnceThenRouted();
    assertEquals(1, workflow.callbacks().size());
  }

  @Test
  void joinedWriteStoredButItsAnswerLost_theEmailGoesAll_theSame() {
    // GIVEN the joined write refused after the engine stored it, as a lost answer would be
    seedDirectory(true);
    received(demoRequest());
    Life first = new Life(r -> false, JOINED::equals);

    // WHEN Take In Lead runs
    TakeInLeadHandler.Output taken = first.takeIn();

    // THEN it reads the write back, finds it stored, sends the email and answers the route
    assertEquals("SUCCEEDED", taken.answer());
    assertEquals("ACKNOWLEDGED", taken.acknowledgement());
    assertEquals(1, acknowledgements().size());
    HistoryEvent acknowledged = acknowledgedOnceThenRouted();
    assertFalse(acknowledged.summary().contains(UNCONFIRMED), acknowledged.summary());
    assertEquals(1, workflow.callbacks().size());
  }

  @Test
  void sesRefusesTheAcknowledgement_itsEntryIsWithdrawnAndTheFailureRecorded_andTheLeadRouted() {
    // GIVEN SES refusing the email (after the SDK's retries)
    seedDirectory(true);
    received(demoRequest());
    Life life = live();
    life.sesRefuses = true;

    // WHEN Take In Lead runs
    TakeInLeadHandler.Output taken = life.takeIn();

    // THEN ACKNOWLEDGED is withdrawn and ACKNOWLEDGEMENT_FAILED written in one corrective write,
    // the claim given up, and the rep's handoff goes on
    assertEquals("SUCCEEDED", taken.answer());
    assertEquals("FAILURE_RECORDED", taken.acknowledgement());
    assertEquals(List.of("SCORED", "ROUTED", "ACKNOWLEDGEMENT_FAILED"), types());
    assertEquals(1, count(life, "TransactWriteItems HistoryTable"), life.requests.toString());
    assertTrue(history.claim(leadId, "email#acknowledgement"), "the claim was given up");
    assertEquals(List.of(true), workflow.callbacks().stream().map(c -> c.success()).toList());
  }

  @Test
  void killedAfterTheCorrectiveWrite_theRetrySendsTheAcknowledgementOnce_withoutRoutingAgain() {
    // GIVEN SES refusing the email and the process killed right after the corrective write
    seedDirectory(true);
    received(demoRequest());
    Life first = killedAfter("TransactWriteItems HistoryTable");
    first.sesRefuses = true;
    assertThrows(Killed.class, first::takeIn);
    assertEquals(List.of("SCORED", "ROUTED", "ACKNOWLEDGEMENT_FAILED"), types());

    // WHEN the task is retried and SES takes the email
    clock.advance(Duration.ofMinutes(1));
    Life retry = live();
    TakeInLeadHandler.Output retried = retry.takeIn();

    // THEN the email goes once, its entry is written once (after the route it followed, as a
    // retry after a failed acknowledgement always wrote it), and the recorded rep is answered
    assertEquals("ACKNOWLEDGED", retried.acknowledgement());
    assertEquals("SUCCEEDED", retried.answer());
    assertEquals(1, acknowledgements().size());
    assertEquals(List.of("SCORED", "ROUTED", "ACKNOWLEDGEMENT_FAILED", "ACKNOWLEDGED"), types());
    assertNoSecondRoute(retry);
  }

  @Test
  void routeLeadFails_theProspectIsAcknowledgedBeforeTheStepFails_andTheRetryRoutes() {
    // GIVEN the reps' query refused (throttled past the SDK's retries) once
    seedDirectory(true);
    received(demoRequest());
    Life first = new Life(r -> false, "Query RepsTable"::equals);

    // WHEN Take In Lead fails, and is retried
    assertThrows(Refused.class, first::takeIn);
    List<HistoryEvent> afterFailure = history.of(leadId);
    assertEquals(1, acknowledgements().size());
    clock.advance(Duration.ofMinutes(1));
    TakeInLeadHandler.Output retried = live().takeIn();

    // THEN the acknowledgement was sent and recorded before the step failed, and once in all
    assertEquals(List.of("SCORED", "ACKNOWLEDGED"), types(afterFailure));
    assertEquals("ALREADY_ACKNOWLEDGED", retried.acknowledgement());
    assertEquals("SUCCEEDED", retried.answer());
    assertEquals(afterFailure.get(1), acknowledgedOnceThenRouted());
    assertEquals(1, acknowledgements().size());
  }

  @Test
  void routeLeadFails_killedAfterTheScoreAndClaim_theRetrySendsNothing_andRecordsItOnce() {
    // GIVEN Route Lead failing, and the process killed after the score and the email's claim
    // were written, before SES
    seedDirectory(true);
    received(demoRequest());
    Life first = new Life(JOINED::equals, "Query RepsTable"::equals);
    assertThrows(Refused.class, first::takeIn);
    assertEquals(List.of("SCORED"), types());

    // WHEN the task is retried
    clock.advance(Duration.ofMinutes(1));
    live().takeIn();

    // THEN the claim holds, and the entry says the email may not have arrived
    assertEquals(0, acknowledgements().size());
    HistoryEvent acknowledged = acknowledgedOnceThenRouted();
    assertTrue(acknowledged.summary().contains(UNCONFIRMED), acknowledged.summary());
  }

  @Test
  void anotherTryScoresFirst_theJoinedWriteIsRefused_andThisTryAnswersItsRoute_givingBackItsOffer()
      throws Exception {
    // GIVEN a second try of the task running to its end while this one reserves its rep
    seedDirectory(true);
    received(demoRequest());
    Life first = live();
    first.interruptAfter = "UpdateItem RepsTable";
    first.interruption = () -> live().takeIn();

    // WHEN this try writes
    TakeInLeadHandler.Output taken = first.takeIn();

    // THEN its write was refused by the score the other one stored; it gave its rep's open offer
    // back and answered the other one's route: one email, one ACKNOWLEDGED, one ROUTED
    assertEquals("SUCCEEDED", taken.answer());
    assertEquals(1, acknowledgements().size());
    acknowledgedOnceThenRouted();
    String repId = routed().details().get("repId");
    assertEquals(2, workflow.callbacks().size());
    workflow.callbacks().forEach(c -> assertTrue(c.output().contains(repId), c.output()));
    long openOffers =
        DirectoryConfig.bundled().reps().stream()
            .map(
                r ->
                    new com.leadhandoff.store.DynamoCapacity(
                            TestDynamo.client(), tables.get("RepsTable"))
                        .load(r.repId()))
            .filter(load -> load.containsKey("openOffers"))
            .mapToLong(load -> Long.parseLong(load.get("openOffers").n()))
            .sum();
    assertEquals(1, openOffers);
  }

  @Test
  void noRepAvailable_scoreAcknowledgementAndNoRep_goInOneWrite_andTheTurnAnswered() {
    // GIVEN the teams without reps
    seedDirectory(false);
    received(demoRequest());

    // WHEN Take In Lead runs
    Life life = live();
    TakeInLeadHandler.Output taken = life.takeIn();

    // THEN SCORED, ACKNOWLEDGED and NO_REP in one write, in that order, and the turn taken
    assertEquals(Turns.NO_REP_AVAILABLE, taken.answer());
    assertEquals(List.of("SCORED", "ACKNOWLEDGED", "NO_REP"), types());
    assertEquals(1, count(life, JOINED));
    assertEquals(0, count(life, "PutItem HistoryTable"));
    assertEquals(
        List.of(Turns.NO_REP_AVAILABLE),
        workflow.callbacks().stream().map(c -> c.error()).toList());

    // AND a retry of the same task records neither again
    live().takeIn();
    assertEquals(List.of("SCORED", "ACKNOWLEDGED", "NO_REP"), types());
  }

  @Test
  void notQualified_scoreAndAcknowledgement_goInOneWrite_beforeTheTaskIsAnswered() {
    // GIVEN a student on the newsletter, and a process killed right after the joined write
    seedDirectory(true);
    received(SubmissionBuilder.studentOnNewsletter().build());
    assertThrows(Killed.class, killedAfter(JOINED)::takeIn);

    // THEN the entries were written before the email and the task's answer, which the kill stopped
    assertEquals(List.of("SCORED", "ACKNOWLEDGED"), types());
    assertEquals(List.of(), workflow.callbacks());
    assertEquals(0, ses.sentTo("tim.student99@gmail.com").size());

    // AND the retry answers without writing or sending again
    Life retry = live();
    TakeInLeadHandler.Output retried = retry.takeIn();
    assertEquals(Turns.LEAD_NOT_QUALIFIED, retried.answer());
    assertEquals("ALREADY_ACKNOWLEDGED", retried.acknowledgement());
    assertEquals(List.of("SCORED", "ACKNOWLEDGED"), types());
    assertEquals(0, count(retry, JOINED));
  }

  /** The retry took no turn, held no place under a cap and wrote no route. */
  private static void assertNoSecondRoute(Life retry) {
    assertEquals(0, count(retry, "UpdateItem TeamsTable"), retry.requests.toString());
    assertEquals(0, count(retry, "UpdateItem RepsTable"), retry.requests.toString());
    assertEquals(0, count(retry, JOINED), retry.requests.toString());
  }

  private HistoryEvent routed() {
    return history.of(leadId).stream()
        .filter(e -> LeadRouter.ROUTED.equals(e.type()))
        .findFirst()
        .orElseThrow();
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
