package com.leadhandoff.local.ui;

import com.leadhandoff.json.Json;
import com.leadhandoff.local.clock.ClockControls;
import com.leadhandoff.local.clock.RuntimeClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /_local/clock}: the runtime clock for a demo. {@code GET} answers its state as JSON;
 * {@code POST …/pause}, {@code …/resume} and {@code …/skip} (to the next timer) steer it and send
 * the browser back to the page it came from. The bar on every page shows the same state with
 * buttons.
 */
public final class ClockPanel implements HttpHandler {
  /** Where the panel is mounted. */
  public static final String PATH = LocalUi.BASE + "/clock";

  /** How long a skip waits for the work in hand before and after it moves time. */
  static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);

  private final RuntimeClock clock;
  private final Settling settling;

  /** Waits for the runtime's work in hand: transitions under way, scheduled invocations. */
  @FunctionalInterface
  public interface Settling {
    /** True once nothing is under way; false if {@code timeout} passed first. */
    boolean await(Duration timeout) throws InterruptedException;
  }

  /**
   * @param clock the runtime's clock; only a clock with {@link RuntimeClock#controls} can be
   *     steered (the scaled clock of {@code --time-scale} or {@code --start-time})
   */
  public ClockPanel(RuntimeClock clock) {
    this(clock, timeout -> true);
  }

  /**
   * @param settling what a skip waits for: it lets the work under way finish before time jumps (a
   *     task's Lambda must not see hours pass in mid-call, nor a sweep find it unfinished), and
   *     answers once what the fired timers set off has finished too, so the page shows the result
   */
  public ClockPanel(RuntimeClock clock, Settling settling) {
    this.clock = clock;
    this.settling = settling;
  }

  /** The clock's time and pace as a page's countdowns see it. */
  LeadViews.Now now() {
    boolean paused = clock.controls().map(ClockControls::paused).orElse(false);
    double scale = clock.controls().map(ClockControls::scale).orElse(1.0);
    return new LeadViews.Now(clock.now(), paused ? 0 : scale);
  }

  /** The clock bar's model for the layout. */
  Map<String, Object> bar() {
    Instant now = clock.now();
    Map<String, Object> bar = new LinkedHashMap<>();
    bar.put("now", Views.time(now));
    bar.put("path", PATH);
    clock
        .controls()
        .ifPresent(
            c -> {
              bar.put("controllable", true);
              bar.put("paused", c.paused());
              bar.put("running", !c.paused());
              bar.put("scale", scale(c.scale()));
              c.nextTimer()
                  .ifPresent(
                      next -> {
                        bar.put("next", Views.time(next));
                        bar.put("nextIn", span(Duration.between(now, next)));
                      });
            });
    return bar;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String action = exchange.getRequestURI().getPath().substring(PATH.length());
      String method = exchange.getRequestMethod();
      if ((method.equals("GET") || method.equals("HEAD"))
          && (action.isEmpty() || action.equals("/"))) {
        LocalUi.send(exchange, 200, "application/json", Json.MAPPER.writeValueAsString(state()));
        return;
      }
      if (!method.equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        LocalUi.send(exchange, 405, "text/plain", "POST " + PATH + "/pause, /resume or /skip");
        return;
      }
      if (crossSite(exchange)) {
        LocalUi.send(exchange, 403, "text/plain", "Only the local UI's own pages steer the clock");
        return;
      }
      Optional<ClockControls> controls = clock.controls();
      if (controls.isEmpty()) {
        LocalUi.send(
            exchange,
            409,
            "text/plain",
            "This runtime runs on real time; start it with --time-scale or --start-time to pause"
                + " or skip its clock");
        return;
      }
      switch (action) {
        case "/pause" -> controls.get().pause();
        case "/resume" -> controls.get().resume();
        case "/skip" -> {
          if (!skip(controls.get())) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            LocalUi.send(
                exchange,
                503,
                "text/plain",
                "The runtime is still busy with work under way; skip again in a moment, once it"
                    + " has finished (time did not move)");
            return;
          }
        }
        default -> {
          LocalUi.send(exchange, 404, "text/plain", "No clock action " + action);
          return;
        }
      }
      if (exchange.getRequestHeaders().getFirst("Referer") == null) {
        LocalUi.send(exchange, 200, "application/json", Json.MAPPER.writeValueAsString(state()));
        return;
      }
      exchange.getResponseHeaders().set("Location", back(exchange));
      exchange.sendResponseHeaders(303, -1);
    }
  }

  /** Skips once the work under way has finished; false, leaving time alone, if it did not. */
  private boolean skip(ClockControls controls) {
    try {
      if (!settling.await(SETTLE_TIMEOUT)) {
        return false;
      }
      controls.skipToNextTimer();
      settling.await(SETTLE_TIMEOUT);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("now", clock.now().toString());
    state.put("controllable", clock.controls().isPresent());
    clock
        .controls()
        .ifPresent(
            c -> {
              state.put("paused", c.paused());
              state.put("scale", c.scale());
              state.put("nextTimer", c.nextTimer().map(Instant::toString).orElse(null));
            });
    return state;
  }

  /**
   * A form posted from another site (a browser says so in {@code Sec-Fetch-Site} or {@code
   * Origin}); scripts such as {@code curl} send neither and may steer the clock.
   */
  private static boolean crossSite(HttpExchange exchange) {
    String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return true;
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin == null) {
      return false;
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    try {
      return host == null || !host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  /** The UI page the form was on; the UI's start page for anything else. */
  private static String back(HttpExchange exchange) {
    try {
      URI from = URI.create(exchange.getRequestHeaders().getFirst("Referer"));
      String path = Optional.ofNullable(from.getRawPath()).orElse("");
      if (path.startsWith(LocalUi.BASE + "/") && !path.startsWith(PATH)) {
        return path + Optional.ofNullable(from.getRawQuery()).map(q -> "?" + q).orElse("");
      }
    } catch (IllegalArgumentException e) {
      // not a URL: go to the start page
    }
    return LocalUi.BASE + "/";
  }

  private static String scale(double scale) {
    return scale == Math.rint(scale) ? String.valueOf((long) scale) : String.valueOf(scale);
  }

  /** {@code 14 min 30 s}, {@code 2 h 5 min}, {@code now}. */
  static String span(Duration d) {
    if (d.isNegative() || d.isZero()) {
      return "now";
    }
    long s = d.toSeconds();
    if (s >= 3600) {
      return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
    return s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
  }
}
