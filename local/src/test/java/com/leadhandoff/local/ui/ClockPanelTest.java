package com.leadhandoff.local.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.clock.RealClock;
import com.leadhandoff.local.clock.RuntimeClock;
import com.leadhandoff.local.clock.ScaledClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClockPanelTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;
  private AutoCloseable clock;

  private URI serve(RuntimeClock runtimeClock) throws IOException {
    return serve(runtimeClock, new ClockPanel(runtimeClock));
  }

  private URI serve(RuntimeClock runtimeClock, ClockPanel panel) throws IOException {
    clock = (AutoCloseable) runtimeClock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(ClockPanel.PATH, panel);
    server.start();
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop(0);
    }
    clock.close();
  }

  @Test
  void pauseFromAPage_stopsTheClock_andReturnsToThatPage() throws Exception {
    ScaledClock scaled = new ScaledClock(T0, 60);
    URI base = serve(scaled);

    HttpResponse<String> paused =
        post(base, "/pause", Map.of("Referer", base + "/_local/leads?status=ROUTING"));

    assertEquals(303, paused.statusCode());
    assertEquals("/_local/leads?status=ROUTING", paused.headers().firstValue("Location").get());
    assertTrue(scaled.paused());
    JsonNode first = state(base);
    JsonNode second = state(base);
    assertTrue(first.get("paused").asBoolean());
    assertEquals(first.get("now").asText(), second.get("now").asText());

    assertEquals(200, post(base, "/resume", Map.of()).statusCode());
    assertFalse(scaled.paused());
  }

  @Test
  void skip_movesTimeToTheNextTimer_whichFires() throws Exception {
    ScaledClock scaled = new ScaledClock(T0, 60);
    URI base = serve(scaled);
    CountDownLatch fired = new CountDownLatch(1);
    scaled.schedule(T0.plus(Duration.ofHours(3)), fired::countDown);
    assertEquals(T0.plus(Duration.ofHours(3)).toString(), state(base).get("nextTimer").asText());

    HttpResponse<String> skipped = post(base, "/skip", Map.of());

    assertEquals(200, skipped.statusCode());
    assertTrue(fired.await(5, TimeUnit.SECONDS));
    assertFalse(scaled.now().isBefore(T0.plus(Duration.ofHours(3))));
  }

  @Test
  void skip_waitsForTheWorkInHand_beforeAndAfterMovingTime() throws Exception {
    // GIVEN a runtime busy with one task, and an offer deadline an hour ahead
    ScaledClock scaled = ScaledClock.held(T0, 60);
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger busy =
        new java.util.concurrent.atomic.AtomicInteger(1);
    URI base =
        serve(
            scaled,
            new ClockPanel(
                scaled,
                timeout -> {
                  // the task in hand finishes (at the paused time), then the fired timer's work
                  seen.add(
                      (busy.getAndDecrement() > 0 ? "task done at " : "settled at ")
                          + scaled.now());
                  return true;
                }));
    scaled.schedule(T0.plus(Duration.ofHours(1)), () -> seen.add("deadline fired"));

    // WHEN the demo skips
    post(base, "/skip", Map.of());

    // THEN time moved only after the task finished, and the answer came once the timer's work had
    assertEquals(
        List.of(
            "task done at " + T0, "deadline fired", "settled at " + T0.plus(Duration.ofHours(1))),
        seen);
  }

  @Test
  void skip_whileTheRuntimeStaysBusy_isRefusedWith503_andTimeStays() throws Exception {
    ScaledClock scaled = ScaledClock.held(T0, 60);
    URI base = serve(scaled, new ClockPanel(scaled, timeout -> false));
    scaled.schedule(T0.plus(Duration.ofHours(1)), () -> {});

    HttpResponse<String> refused = post(base, "/skip", Map.of());

    assertEquals(503, refused.statusCode());
    assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(T0, scaled.now());
  }

  @Test
  void formFromAnotherSite_isRefused() throws Exception {
    ScaledClock scaled = new ScaledClock(T0, 60);
    URI base = serve(scaled);

    assertEquals(403, post(base, "/pause", Map.of("Origin", "http://evil.example")).statusCode());
    assertEquals(403, post(base, "/pause", Map.of("Sec-Fetch-Site", "cross-site")).statusCode());
    assertFalse(scaled.paused());
    // Its own pages are welcome.
    assertEquals(
        303,
        post(
                base,
                "/pause",
                Map.of(
                    "Origin",
                    base.toString(),
                    "Sec-Fetch-Site",
                    "same-origin",
                    "Referer",
                    base + "/_local/mail"))
            .statusCode());
    assertTrue(scaled.paused());
  }

  @Test
  void realTimeClock_cannotBeSteered_andSaysHowToGetOneThatCan() throws Exception {
    URI base = serve(new RealClock());

    HttpResponse<String> refused = post(base, "/pause", Map.of());

    assertEquals(409, refused.statusCode());
    assertTrue(refused.body().contains("--time-scale"));
    assertFalse(state(base).get("controllable").asBoolean());
  }

  @Test
  void clockBar_onEveryPage_offersTheActionsThatApply() {
    ScaledClock scaled = new ScaledClock(T0, 60);
    clock = scaled;
    server = null;
    Pages pages = new Pages("/_local", Optional.of(new ClockPanel(scaled)));
    scaled.schedule(T0.plus(Duration.ofHours(1)), () -> {});

    String running = pages.render("thanks", "Thanks", Map.of());
    scaled.pause();
    String paused = pages.render("thanks", "Thanks", Map.of());

    assertTrue(running.contains("action=\"/_local/clock/pause\""));
    assertFalse(running.contains("/_local/clock/resume"));
    assertTrue(running.contains("action=\"/_local/clock/skip\""));
    assertTrue(running.contains("next timer 2026-11-23 10:00:00 UTC"));
    assertTrue(paused.contains("action=\"/_local/clock/resume\""));
    assertTrue(paused.contains("<strong>paused</strong>"));
  }

  private JsonNode state(URI base) throws Exception {
    return Json.MAPPER.readTree(
        http.send(
                HttpRequest.newBuilder(base.resolve(ClockPanel.PATH)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private HttpResponse<String> post(URI base, String action, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(ClockPanel.PATH + action))
            .POST(HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
