package com.leadhandoff.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.routing.Reminder;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.Route;
import com.leadhandoff.task.OwnAnswer;
import com.leadhandoff.workflow.Workflow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Move Offer On's decisions that need no store: the next reminder, and the input it refuses.
 * Closing an offer and routing the lead on run in the workflow tests on the real state machine.
 */
class MoveOfferOnHandlerTest {
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final Instant DEADLINE = NOW.plusSeconds(900);

  private final RecordingWorkflow workflow = new RecordingWorkflow();

  // No close or route step: a reminder must be answered without either.
  private final MoveOfferOnHandler handler =
      new MoveOfferOnHandler(null, null, new OwnAnswer(workflow));

  private static Route offer() {
    return Route.to(
        new Rep("ana-ruiz", "Ana Ruiz", "ana@sales.example.com", "inbound-sales", true),
        1,
        DEADLINE,
        900,
        ZoneId.of("Europe/Berlin"),
        "15 minutes",
        "next in turn",
        Reminder.split(NOW, DEADLINE, List.of(NOW.plusSeconds(450), NOW.plusSeconds(720))));
  }

  @Test
  void waitTimedOutWithAReminderDue_answersTheSameOfferWithThatReminderNext() throws Exception {
    // GIVEN the offer's first wait (450 s) timed out; reminders are due at 450 s and 720 s
    Route route = offer();

    // WHEN Move Offer On runs
    MoveOfferOnHandler.Output output =
        handler.apply(
            new MoveOfferOnHandler.Input(
                "lead-1", route, Map.of("Error", "States.Timeout"), "token-1"));

    // THEN it answers its token with reminder 1, waiting 270 s to the second
    assertEquals("REMINDER_DUE", output.move());
    assertNull(output.closed());
    JsonNode answered = Json.MAPPER.readTree(workflow.succeeded.get(0));
    assertEquals(1, answered.path("reminder").asInt());
    assertEquals(270, answered.path("waitSeconds").asInt());
    assertEquals(2, answered.path("next").path("number").asInt());
    assertEquals("001", answered.path("offerId").asText());
    assertEquals("token-1", workflow.tokens.get(0));

    // AND after the second reminder's wait the chain says no reminder is due, with 180 s left
    Route second = route.remindNext().remindNext();
    assertEquals(2, second.reminder());
    assertEquals(180, second.waitSeconds());
    assertTrue(!second.next().due());
    assertThrows(IllegalStateException.class, second::remindNext);
  }

  @Test
  void anythingButATimeoutOrADecline_isRefused() {
    // GIVEN a wait that ended with an error Move Offer On does not move on from
    MoveOfferOnHandler.Input input =
        new MoveOfferOnHandler.Input(
            "lead-1", offer(), Map.of("Error", "States.TaskFailed"), "token-1");

    // WHEN / THEN it refuses, and answers nothing
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> handler.apply(input));
    assertTrue(refused.getMessage().contains("States.TaskFailed"), refused.getMessage());
    assertTrue(workflow.tokens.isEmpty());
  }

  @Test
  void inputWithoutTokenOrFailure_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> handler.apply(new MoveOfferOnHandler.Input("lead-1", offer(), null, "token-1")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            handler.apply(
                new MoveOfferOnHandler.Input(
                    "lead-1", offer(), Map.of("Error", "States.Timeout"), null)));
  }

  /** Records the answers given to task tokens. */
  private static final class RecordingWorkflow implements Workflow {
    final List<String> tokens = new ArrayList<>();
    final List<String> succeeded = new ArrayList<>();

    @Override
    public void start(String leadId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Callback succeed(String taskToken, String outputJson) {
      tokens.add(taskToken);
      succeeded.add(outputJson);
      return Callback.DELIVERED;
    }

    @Override
    public Callback fail(String taskToken, String error, String cause) {
      tokens.add(taskToken);
      return Callback.DELIVERED;
    }
  }
}
