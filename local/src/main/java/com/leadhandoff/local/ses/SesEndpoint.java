package com.leadhandoff.local.ses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.faults.Faults;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The SES v2 API, as far as the product uses it: {@code SendEmail} ({@code POST
 * /v2/email/outbound-emails}, REST-JSON). Mount it at any prefix; a client whose endpoint override
 * is {@code http://localhost:PORT/PREFIX} reaches it. Accepted emails go to the {@link Outbox},
 * stamped with the runtime's clock.
 */
public final class SesEndpoint implements HttpHandler {
  private static final String SEND_EMAIL = "/v2/email/outbound-emails";

  private final Outbox outbox;
  private final Clock clock;
  private final Faults faults;
  private final MailboxSimulator simulator;
  private final Consumer<JsonNode> defaultBus;

  /**
   * @param outbox where accepted emails go
   * @param clock the runtime's clock, for {@link SentEmail#sentAt}
   */
  public SesEndpoint(Outbox outbox, Clock clock) {
    this(outbox, clock, new Faults());
  }

  /**
   * @param outbox where accepted emails go
   * @param clock the runtime's clock, for {@link SentEmail#sentAt}
   * @param faults recipients to refuse, as SES refuses unverified addresses in its sandbox
   */
  public SesEndpoint(Outbox outbox, Clock clock, Faults faults) {
    this(outbox, clock, faults, new MailboxSimulator("000000000000", "us-east-1"), event -> {});
  }

  /**
   * @param outbox where accepted emails go
   * @param clock the runtime's clock, for {@link SentEmail#sentAt}
   * @param faults recipients to refuse, as SES refuses unverified addresses in its sandbox
   * @param simulator which sends bounce or draw a complaint (the SES mailbox simulator)
   * @param defaultBus receives those events, as SES event publishing puts them on the default
   *     EventBridge bus; called before SendEmail answers, so a test sees the outcome at once
   */
  public SesEndpoint(
      Outbox outbox,
      Clock clock,
      Faults faults,
      MailboxSimulator simulator,
      Consumer<JsonNode> defaultBus) {
    this.outbox = outbox;
    this.clock = clock;
    this.faults = faults;
    this.simulator = simulator;
    this.defaultBus = defaultBus;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.endsWith(SEND_EMAIL) && !path.endsWith(SEND_EMAIL + "/")) {
        error(
            exchange,
            404,
            "UnknownOperationException",
            "The local SES endpoint only answers SendEmail.");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        error(exchange, 405, "MethodNotAllowedException", "SendEmail is a POST.");
        return;
      }
      try {
        SentEmail email = SendEmailParser.parse(body(exchange), newMessageId(), clock.instant());
        var refused =
            faults.rejectedAmong(
                java.util.stream.Stream.of(email.to(), email.cc(), email.bcc())
                    .flatMap(java.util.List::stream)
                    .toList());
        if (refused.isPresent()) {
          throw SesError.messageRejected(
              "Email address is not verified. The following identities failed the check in"
                  + " region us-east-1: "
                  + refused.get());
        }
        outbox.add(email);
        simulator.events(email).forEach(defaultBus);
        respond(exchange, 200, Json.MAPPER.createObjectNode().put("MessageId", email.messageId()));
      } catch (SesError e) {
        error(exchange, e.status(), e.code(), e.getMessage());
      }
    }
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return Json.MAPPER.readTree(in.readAllBytes());
    } catch (JsonProcessingException e) {
      throw SesError.badRequest("The request body is not JSON: " + e.getOriginalMessage());
    }
  }

  // Shaped like SES's own ids (a time-ordered hex prefix and a UUID) so logs look familiar.
  private String newMessageId() {
    // As String.format("%016x-%s-000000", ...) wrote it, without a Formatter per email.
    String millis = Long.toHexString(clock.millis());
    return "0".repeat(Math.max(0, 16 - millis.length()))
        + millis
        + "-"
        + UUID.randomUUID()
        + "-000000";
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", code);
    respond(exchange, status, Json.MAPPER.createObjectNode().put("message", message));
  }

  private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
