package com.leadhandoff.local.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.clock.VirtualClock;
import com.leadhandoff.sla.LeadOrigin;
import com.leadhandoff.sla.OfferFact;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsStore;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /_local/reports}: the SLA report of a period with its three charts as PNG. */
class ReportsPageTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  private final HttpClient http = HttpClient.newHttpClient();
  private final Facts facts = new Facts();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    // GIVEN two inbound leads this week, one accepted in 4 minutes, one breached, and one
    // enterprise lead 40 days ago (outside the default 28 days)
    facts.put(accepted("a1", Instant.parse("2026-11-24T09:00:00Z"), "inbound-sales", 4));
    facts.put(breached("b1", Instant.parse("2026-11-25T09:00:00Z"), "inbound-sales"));
    facts.put(accepted("old", NOW.minus(Duration.ofDays(40)), "enterprise", 2));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        ReportsPage.PATH, new ReportsPage(facts, new ClockPanel(new VirtualClock(NOW))));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void withoutAQuery_showsTheLast28DaysByTeam_withItsFiguresAndThreeCharts() throws Exception {
    HttpResponse<String> page = get("/_local/reports", HttpResponse.BodyHandlers.ofString());

    assertEquals(200, page.statusCode());
    String body = page.body();
    assertTrue(body.contains("value=\"2026-10-31\""), "from: 27 days before today");
    assertTrue(body.contains("value=\"2026-11-27\""), "to: today by the runtime clock");
    assertTrue(body.contains("<strong>inbound-sales</strong>"), body);
    assertTrue(!body.contains("<strong>enterprise</strong>"), "the old lead is outside the period");
    assertTrue(body.contains("50 % (1)"), "one of two accepted within SLA");
    assertTrue(body.contains("4 min 0 s"), "the p50 time to accept");
    // The attribute is HTML-escaped ('=' and '&' as entities), as a browser reads it back.
    String attributes = body.replace("&#x3D;", "=").replace("&amp;", "&");
    for (String chart : List.of("compliance-by-week", "time-to-accept", "funnel")) {
      assertTrue(
          attributes.contains(
              "src=\"/_local/reports/chart/"
                  + chart
                  + ".png?from=2026-10-31&to=2026-11-27&groupBy=team\""),
          chart);
    }
    assertTrue(body.contains("href=\"/_local/reports\""), "the nav links to the page");
  }

  @Test
  void eachChart_isAPngOfThePagesChartSize() throws Exception {
    for (String chart : ReportFigures.CHARTS) {
      HttpResponse<byte[]> png =
          get(
              "/_local/reports/chart/" + chart + ".png?from=2026-11-01&to=2026-11-27&groupBy=rep",
              HttpResponse.BodyHandlers.ofByteArray());

      assertEquals(200, png.statusCode(), chart);
      assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
      assertEquals(560, image.getWidth(), chart);
      assertEquals(300, image.getHeight(), chart);
    }
  }

  @Test
  void groupedByRep_hasARowPerRep() throws Exception {
    String body =
        get(
                "/_local/reports?from=2026-11-01&to=2026-11-27&groupBy=rep",
                HttpResponse.BodyHandlers.ofString())
            .body();

    assertTrue(body.contains("<strong>ana</strong>"), body);
    assertTrue(body.contains("<strong>ben</strong>"), body);
    assertTrue(body.contains("<option value=\"rep\" selected>"), "the form keeps the grouping");
  }

  @Test
  void aPeriodEndingBeforeItStarts_isRefusedWithTheReason_andTheFormKept() throws Exception {
    HttpResponse<String> page =
        get(
            "/_local/reports?from=2026-11-20&to=2026-11-01&groupBy=team",
            HttpResponse.BodyHandlers.ofString());

    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("from must not be after to"), page.body());
    assertTrue(page.body().contains("value=\"2026-11-20\""));
  }

  @Test
  void anUnknownChart_isNotFound_namingTheCharts() throws Exception {
    HttpResponse<String> missing =
        get("/_local/reports/chart/pie.png", HttpResponse.BodyHandlers.ofString());

    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("compliance-by-week"), missing.body());
  }

  private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws Exception {
    URI uri = URI.create("http://localhost:" + server.getAddress().getPort() + path);
    return http.send(HttpRequest.newBuilder(uri).GET().build(), body);
  }

  private static SlaFacts accepted(String id, Instant received, String team, int minutes) {
    Instant at = received.plus(Duration.ofMinutes(minutes));
    OfferFact offer =
        new OfferFact(
            id + "-1",
            1,
            "ana",
            team,
            received,
            received.plus(Duration.ofMinutes(15)),
            OfferFact.Outcome.ACCEPTED,
            Optional.of(at),
            Optional.empty());
    return new SlaFacts(
        id,
        received,
        List.of(offer),
        0,
        false,
        Optional.of(new SlaFacts.FirstOwner(SlaFacts.FirstOwner.Kind.REP, "ana", at)),
        Optional.of(Duration.ofMinutes(minutes)),
        Optional.of(Duration.ofMinutes(minutes)),
        at,
        LeadOrigin.UNKNOWN,
        Map.of());
  }

  private static SlaFacts breached(String id, Instant received, String team) {
    Instant deadline = received.plus(Duration.ofMinutes(15));
    OfferFact offer =
        new OfferFact(
            id + "-1",
            1,
            "ben",
            team,
            received,
            deadline,
            OfferFact.Outcome.BREACHED,
            Optional.of(deadline),
            Optional.empty());
    return new SlaFacts(
        id,
        received,
        List.of(offer),
        2,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        deadline,
        LeadOrigin.UNKNOWN,
        Map.of());
  }

  /** SLA facts kept in memory, by the UTC day each lead was received. */
  private static final class Facts implements SlaFactsStore {
    private final List<SlaFacts> all = new ArrayList<>();

    @Override
    public synchronized void put(SlaFacts f) {
      all.add(f);
    }

    @Override
    public synchronized List<SlaFacts> receivedOn(LocalDate day) {
      return all.stream()
          .filter(f -> f.receivedAt().atZone(ZoneOffset.UTC).toLocalDate().equals(day))
          .toList();
    }
  }
}
