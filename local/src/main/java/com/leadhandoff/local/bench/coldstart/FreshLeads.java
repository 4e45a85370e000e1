package com.leadhandoff.local.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.local.LocalRuntime;
import com.leadhandoff.local.ses.SentEmail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The events of the workflow steps' real first invocations, one new lead for each run: the lead is
 * posted to the local runtime's intake API, the runtime runs the workflow up to the step measured,
 * and that step's invocation is held back ({@link com.leadhandoff.local.faults.Faults#holdLambda}):
 * its payload, with the task token of a task that really waits, is the run's event. The fresh JVM
 * then does the step's whole work and answers that token as the runtime would have.
 *
 * <ul>
 *   <li>Take In Lead: a lead as intake stored it (RECEIVED), nothing done to it yet;
 *   <li>Offer To Rep: the lead's first offer (Take In Lead ran in the runtime);
 *   <li>Move Offer On: the first rep declined (through the offer's decline form, not my territory):
 *       the offer is closed and the lead routed to the next rep.
 * </ul>
 */
final class FreshLeads {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final String OFFER_SUBJECT = "New lead for you:";

  private final LocalRuntime runtime;
  private final Path events;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger posted = new AtomicInteger();
  private Answer unanswered;

  FreshLeads(LocalRuntime runtime, Path events) {
    this.runtime = runtime;
    this.events = events;
  }

  /** Posts the demo lead (the other fixtures point at it) and waits for its offer email. */
  String routeDemoLead() {
    int offers = offerEmails();
    String leadId = post();
    awaitOfferEmail(offers);
    return leadId;
  }

  /** Take In Lead's event on a lead intake has just stored. */
  Fixture takeIn(String functionName) {
    return () -> held(functionName, "take-in", true, this::post);
  }

  /** Offer To Rep's event for a new lead's first offer. */
  Fixture firstOffer(String functionName) {
    return () -> held(functionName, "offer", false, this::post);
  }

  /** Move Offer On's event after the rep of a new lead's first offer declined it. */
  Fixture declined(String functionName) {
    return () ->
        held(
            functionName,
            "move-on",
            true,
            () -> {
              int offers = offerEmails();
              String leadId = post();
              SentEmail offer = awaitOfferEmail(offers);
              String link =
                  offer.links().stream()
                      .filter(l -> l.contains("/offers/"))
                      .findFirst()
                      .orElseThrow(() -> new IllegalStateException("offer email without its link"));
              HttpResponse<String> declined =
                  send(
                      HttpRequest.newBuilder(URI.create(link + "/decline"))
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .POST(HttpRequest.BodyPublishers.ofString("reasonCode=NOT_MY_TERRITORY"))
                          .build());
              if (declined.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                    "declining the offer answered " + declined.statusCode());
              }
              return leadId;
            });
  }

  /**
   * Holds {@code functionName}'s next invocation, runs {@code lead} (which sets a new lead on its
   * way to it), and writes the held payload as the run's event.
   */
  private Path held(String functionName, String what, boolean answers, Supplier<String> lead) {
    checkAnswered();
    // Whatever the last run's answer set going (the next step) settles first, so it neither runs
    // beside the measured JVM nor takes the hold.
    runtime.engine().awaitIdle();
    CompletableFuture<JsonNode> payload = runtime.faults().holdLambda(functionName);
    String leadId = lead.get();
    JsonNode event;
    try {
      event = payload.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "lead " + leadId + " never reached " + functionName + " in " + WAIT, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (!leadId.equals(event.path("leadId").asText())) {
      throw new IllegalStateException(
          functionName + " was invoked for lead " + event.path("leadId") + ", not " + leadId);
    }
    // The engine's step is mid-transition until the hold is answered: let it reach its wait.
    runtime.engine().awaitIdle();
    try {
      Path file =
          Files.writeString(events.resolve(what + "-" + leadId + ".json"), event.toString());
      if (answers) {
        String execution = event.path("executionId").asText();
        unanswered = new Answer(file, execution, succeeded(execution));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks that the run of the last event of Take In Lead or Move Offer On answered its task: the
   * local Step Functions took the token (those two steps answer their own; Offer To Rep's waits for
   * the rep).
   */
  void checkAnswered() {
    Answer last = unanswered;
    unanswered = null;
    if (last != null && succeeded(last.executionArn()) <= last.succeededBefore()) {
      throw new IllegalStateException(
          "the run did not answer the task of " + last.event() + " (see the row's log)");
    }
  }

  private int succeeded(String executionArn) {
    runtime.engine().awaitIdle();
    return (int)
        runtime.engine().getExecutionHistory(executionArn).stream()
            .filter(e -> e.type().equals("TaskSucceeded"))
            .count();
  }

  /** A held task the next run must answer: its execution had succeeded tasks before. */
  private record Answer(Path event, String executionArn, int succeededBefore) {}

  /** Posts a new lead to the intake API, with an address of its own; returns its id. */
  private String post() {
    int n = posted.incrementAndGet();
    String body =
        String.format(
            Locale.ROOT,
            "{\"email\":\"dana.cold%d@cold-start.example\",\"firstName\":\"Dana\","
                + "\"lastName\":\"Cold\",\"company\":\"Cold Start GmbH\",\"jobTitle\":\"VP"
                + " Operations\",\"country\":\"DE\",\"companySize\":250,\"industry\":\"Software\","
                + "\"formId\":\"demo-request\",\"message\":\"We would like a demo.\"}",
            n);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(runtime.baseUrl().resolve(URI.create("/leads")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (response.statusCode() != 202) {
      throw new IllegalStateException("intake answered " + response.statusCode());
    }
    try {
      return json.readTree(response.body()).path("leadId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int offerEmails() {
    return (int)
        runtime.outbox().newestFirst().stream()
            .filter(m -> m.subject().startsWith(OFFER_SUBJECT))
            .count();
  }

  /** Waits for the offer email after the {@code before} there were; returns it. */
  private SentEmail awaitOfferEmail(int before) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (offerEmails() <= before) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no offer email in " + WAIT);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return runtime.outbox().newestFirst().stream()
        .filter(m -> m.subject().startsWith(OFFER_SUBJECT))
        .findFirst()
        .orElseThrow();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
