package com.leadhandoff.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole workflow with the functions' SDK calls over real sockets ({@code --sdk-transport
 * socket}), as on Lambda, so that path stays tested now that the runtime hands them over in-process
 * by default: in a JVM of its own (the functions pick their transport once per JVM), a lead posted
 * to the API is offered to a rep by email, the rep accepts through the offer link, and the lead's
 * owner is told.
 */
class SocketTransportEndToEndTest {
  private static final Pattern LEAD_ID = Pattern.compile("\"leadId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path data;

  @Test
  void leadPostedToAcceptedOffer_withEverySdkCallOverHttp() throws Exception {
    // GIVEN the runtime with its functions' SDK calls on sockets
    ChildRuntime runtime =
        ChildRuntime.start(
            data, List.of(), List.of("--sdk-transport", "socket"), PATIENCE, line -> {});
    try {
      assertTrue(
          runtime.output.toString().contains("SDK calls to these services go over HTTP"),
          runtime.output::toString);

      // WHEN a lead is posted
      HttpResponse<String> posted =
          post(
              runtime.baseUrl.resolve("/leads"),
              "{\"email\":\"kim@sockets.example\",\"firstName\":\"Kim\",\"lastName\":\"Socket\","
                  + "\"company\":\"Sockets Ltd\",\"jobTitle\":\"VP Operations\",\"country\":"
                  + "\"de\",\"companySize\":250,\"industry\":\"Manufacturing\",\"message\":"
                  + "\"Can we book a demo?\",\"formId\":\"demo-request\",\"website\":\"\"}",
              "application/json");
      assertEquals(202, posted.statusCode(), posted.body());
      Matcher id = LEAD_ID.matcher(posted.body());
      assertTrue(id.find(), posted.body());

      // THEN its offer is emailed (intake, Take In Lead and Offer To Rep called DynamoDB, Step
      // Functions, SES and EventBridge over HTTP)
      JsonNode offer = awaitEmail(runtime, "New lead for you:", "Kim Socket");
      String link = offer.path("links").path(0).asText();
      String token = link.substring(link.lastIndexOf('/') + 1);

      // AND when the rep accepts, the lead is theirs and they are told
      HttpResponse<String> accepted =
          post(
              runtime.baseUrl.resolve("/offers/" + token + "/accept"),
              "",
              "application/x-www-form-urlencoded");
      assertTrue(
          accepted.statusCode() / 100 == 2 || accepted.statusCode() / 100 == 3,
          accepted.statusCode() + " " + accepted.body());
      JsonNode owner = awaitEmail(runtime, "You own this lead: Kim Socket", "Kim Socket");
      assertEquals(offer.path("to").toString(), owner.path("to").toString());
    } finally {
      runtime.process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
  }

  /**
   * The first outbox email whose subject has {@code subject} in it and that mentions {@code text}.
   */
  private JsonNode awaitEmail(ChildRuntime runtime, String subject, String text)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      JsonNode outbox = outbox(runtime);
      Optional<JsonNode> found = find(outbox, subject, text);
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no '"
                + subject
                + "' email about "
                + text
                + " among "
                + outbox.findValuesAsText("subject")
                + "; runtime output:\n"
                + runtime.output);
      }
      runtime.process.waitFor(200, TimeUnit.MILLISECONDS);
    }
  }

  private static Optional<JsonNode> find(JsonNode outbox, String subject, String text) {
    for (JsonNode email : outbox) {
      if (email.path("subject").asText().contains(subject) && email.toString().contains(text)) {
        return Optional.of(email);
      }
    }
    return Optional.empty();
  }

  private JsonNode outbox(ChildRuntime runtime) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(runtime.baseUrl.resolve("/_local/outbox"))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return Json.MAPPER.readTree(response.body());
  }

  private HttpResponse<String> post(URI uri, String body, String type)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("content-type", type)
            .header("accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
