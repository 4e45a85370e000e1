package com.leadhandoff.local.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Debian's headless Chromium driven through chromedriver's W3C WebDriver API over plain HTTP, so
 * the UI's browser tests need no client library. {@link #start} skips the calling test (a JUnit
 * assumption) when Chromium or chromedriver is not installed ({@code apt-get install chromium
 * chromium-driver}).
 */
public final class HeadlessChromium implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Process driver;
  private final URI endpoint;
  private final String session;

  private HeadlessChromium(Process driver, URI endpoint, int width, int height) {
    this.driver = driver;
    ObjectNode options = Json.MAPPER.createObjectNode().put("binary", CHROMIUM.toString());
    options
        .putArray("args")
        .add("--headless")
        .add("--no-sandbox")
        .add("--disable-gpu")
        .add("--disable-dev-shm-usage")
        .add("--window-size=" + width + "," + height);
    ObjectNode capabilities = Json.MAPPER.createObjectNode();
    capabilities
        .putObject("capabilities")
        .putObject("alwaysMatch")
        .put("browserName", "chrome")
        .set("goog:chromeOptions", options);
    JsonNode created = call("POST", endpoint.resolve("/session"), capabilities);
    this.endpoint = endpoint;
    this.session = "/session/" + created.path("sessionId").asText();
    // Chromium keeps a window at least 500 px wide; a phone's viewport is set through DevTools,
    // as a phone (it honours the page's viewport meta), so a page without one shows 980 px.
    ObjectNode metrics =
        Json.MAPPER
            .createObjectNode()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", width < 500);
    ObjectNode command =
        Json.MAPPER.createObjectNode().put("cmd", "Emulation.setDeviceMetricsOverride");
    command.set("params", metrics);
    call("POST", endpoint.resolve(session + "/goog/cdp/execute"), command);
  }

  /** A browser window of {@code width} × {@code height} CSS pixels; skips the test without one. */
  public static HeadlessChromium start(int width, int height) {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Skipped: the browser test needs Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "); apt-get install chromium chromium-driver");
    int port = freePort();
    Process driver;
    try {
      driver =
          new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("chromedriver did not start", e);
    }
    awaitReady(driver);
    try {
      return new HeadlessChromium(driver, URI.create("http://127.0.0.1:" + port), width, height);
    } catch (RuntimeException e) {
      driver.destroy();
      throw e;
    }
  }

  /** Opens {@code url} and waits until the page has loaded (WebDriver's default page load). */
  public void open(String url) {
    call(
        "POST", endpoint.resolve(session + "/url"), Json.MAPPER.createObjectNode().put("url", url));
  }

  /** Runs {@code script} (a function body, as WebDriver runs it) and returns its result. */
  public JsonNode run(String script) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("script", script);
    body.putArray("args");
    return call("POST", endpoint.resolve(session + "/execute/sync"), body);
  }

  /** Whether the page fits the window's width: nothing sticks out to the side. */
  public boolean fitsWidth() {
    return run("return document.documentElement.scrollWidth <= window.innerWidth").asBoolean();
  }

  /** A PNG of the window as it is now, written to {@code file}. */
  public byte[] screenshot(Path file) {
    byte[] png =
        Base64.getDecoder()
            .decode(call("GET", endpoint.resolve(session + "/screenshot"), null).asText());
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png;
  }

  private JsonNode call(String method, URI uri, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode value = Json.MAPPER.readTree(response.body()).path("value");
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            method + " " + uri + ": WebDriver answered " + response.statusCode() + " " + value);
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** chromedriver says when it listens; waiting for that line needs no polling. */
  private static void awaitReady(Process driver) {
    CompletableFuture<List<String>> ready =
        CompletableFuture.supplyAsync(
            () -> {
              List<String> seen = new java.util.ArrayList<>();
              try {
                BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  seen.add(line);
                  if (line.contains("started successfully")) {
                    // Keep draining so chromedriver never blocks on a full pipe.
                    CompletableFuture.runAsync(() -> out.lines().forEach(l -> {}));
                    return seen;
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              throw new IllegalStateException("chromedriver stopped: " + seen);
            });
    try {
      ready.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      driver.destroy();
      throw new IllegalStateException("chromedriver did not get ready", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      driver.destroy();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      call("DELETE", endpoint.resolve(session), null);
    } finally {
      driver.destroy();
      try {
        driver.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
