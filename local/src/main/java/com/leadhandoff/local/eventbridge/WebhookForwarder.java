package com.leadhandoff.local.eventbridge;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Posts each event, as EventBridge would deliver it to a target, as JSON to a webhook: how a user
 * wires Slack or a CRM to the local runtime. Delivery runs on its own thread, in order, so a slow
 * or dead webhook never holds up the workflow that put the event; a failure is logged and the event
 * is not retried.
 */
public final class WebhookForwarder implements Consumer<BusEvent>, AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI url;
  private final PrintStream log;
  private final HttpClient http;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "forward-events");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param url where each event is posted
   * @param log where failures are written
   */
  public WebhookForwarder(URI url, PrintStream log) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("--forward-events needs an http or https URL, was " + url);
    }
    this.url = url;
    this.log = log;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public void accept(BusEvent event) {
    String body = event.envelope().toString();
    sender.execute(() -> send(event, body));
  }

  private void send(BusEvent event, String body) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        log.println(
            "Event "
                + event.detailType()
                + " "
                + event.id()
                + " forwarded to "
                + url
                + ": the webhook answered "
                + response.statusCode());
      }
    } catch (java.io.IOException | RuntimeException e) {
      log.println(
          "Event " + event.detailType() + " " + event.id() + " not forwarded to " + url + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits briefly for events still being sent, then stops. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
