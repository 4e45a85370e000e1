package com.leadhandoff.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;

class PrimingTest {
  private static final List<String> ENDPOINTS =
      List.of(
          "aws.endpointUrlDynamoDb",
          "aws.endpointUrlSfn",
          "aws.endpointUrlSesV2",
          "aws.endpointUrlEventBridge");

  @Test
  void sdkPriming_marshalsAndSignsEachCall_butSendsNothing() throws Exception {
    // GIVEN every SDK endpoint pointing at a listening socket that records any connection
    CannedHttpClient recorder = new CannedHttpClient();
    Map<String, String> previous = new java.util.HashMap<>();
    try (ServerSocketChannel dead = ServerSocketChannel.open()) {
      dead.bind(new InetSocketAddress("127.0.0.1", 0));
      dead.configureBlocking(false);
      String endpoint = "http://127.0.0.1:" + dead.socket().getLocalPort();
      ENDPOINTS.forEach(p -> previous.put(p, System.setProperty(p, endpoint)));
      try {
        // WHEN each service is primed
        SdkPriming sdk = new SdkPriming(recorder);
        sdk.dynamo();
        sdk.eventBridge();
        sdk.ses();
        sdk.stepFunctions();
      } finally {
        previous.forEach(
            (p, v) -> {
              if (v == null) {
                System.clearProperty(p);
              } else {
                System.setProperty(p, v);
              }
            });
      }

      // THEN nothing connected to the endpoint
      assertNull(dead.accept(), "priming opened a connection");
    }

    // AND every call was marshalled and signed for its service, and answered in memory
    List<String> operations = new ArrayList<>();
    for (SdkHttpRequest request : recorder.requests()) {
      assertTrue(request.firstMatchingHeader("Authorization").isPresent(), request.toString());
      operations.add(
          request
              .firstMatchingHeader("X-Amz-Target")
              .orElse(request.method() + " " + request.encodedPath()));
    }
    assertEquals(
        List.of(
            "DynamoDB_20120810.GetItem",
            "DynamoDB_20120810.PutItem",
            "DynamoDB_20120810.UpdateItem",
            "DynamoDB_20120810.Query",
            "DynamoDB_20120810.TransactWriteItems",
            "AWSEvents.PutEvents",
            "POST /v2/email/outbound-emails",
            "AWSStepFunctions.StartExecution",
            "AWSStepFunctions.SendTaskSuccess",
            "AWSStepFunctions.SendTaskFailure"),
        operations);
  }

  @Test
  void checkpoint_runsEveryStep_andOneThatFailsDoesNotStopTheOthers() {
    // GIVEN a hook with a failing step between two others
    Priming priming = Priming.detached();
    List<String> ran = new ArrayList<>();
    priming.add("first", () -> ran.add("first"));
    priming.add(
        "broken",
        () -> {
          throw new IllegalStateException("broken");
        });
    priming.add("last", () -> ran.add("last"));

    // WHEN Lambda is about to snapshot
    priming.beforeCheckpoint(null);

    // THEN the working steps ran
    assertEquals(List.of("first", "last"), ran);
  }

  @Test
  void aStepAddedWhileTheHookRuns_doesNotRunTwice_norTwiceNextTime() {
    // GIVEN a client built on first use: its service primed at init, the client built at the
    // checkpoint, whose building adds the service's step again (as AwsClients' holder does)
    Priming priming = Priming.detached();
    List<String> ran = new ArrayList<>();
    priming.add("stepfunctions", () -> ran.add("service"));
    priming.add(
        "stepfunctions client",
        () -> {
          ran.add("client");
          priming.add("stepfunctions", () -> ran.add("service again"));
        });

    // WHEN Lambda is about to snapshot, twice
    priming.beforeCheckpoint(null);
    priming.beforeCheckpoint(null);

    // THEN the service was primed and the client built each time, the late step left out
    assertEquals(List.of("service", "client", "service", "client"), ran);
  }

  @Test
  void jsonPriming_roundTripsInstantsAndOptionals() throws Exception {
    JsonNode read = JsonPriming.roundTrip();

    assertEquals("1970-01-01T00:00:00Z", read.get("at").asText());
    assertEquals("priming", read.get("owner").asText());
    assertEquals(42, read.get("score").asInt());
  }

  @Test
  void leanJsonPriming_roundTripsEveryKindOfField_throughTextTreesAndItems() throws Exception {
    JsonPriming.Sample read = JsonPriming.leanRoundTrip();

    assertEquals("priming", read.leadId());
    assertEquals(42, read.score());
    assertEquals(java.time.Instant.EPOCH, read.at());
    assertEquals(java.util.Optional.of("priming"), read.owner());
    assertEquals(List.of("priming"), read.reasons());
    assertEquals(JsonPriming.Kind.PRIMING, read.kind());
  }

  @Test
  void configPriming_readsEveryBundledFile() {
    // Throws with the file, line and fix if any bundled file were invalid.
    ConfigPriming.loadBundled();
  }
}
