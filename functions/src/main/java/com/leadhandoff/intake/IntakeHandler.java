package com.leadhandoff.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.http.HttpApiHandler;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.logging.InvocationLogging;
import com.leadhandoff.logging.PersonalData;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.workflow.StepFunctionsWorkflow;
import com.leadhandoff.workflow.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** {@code POST /leads}: a web form's lead in, {@code 202 {"leadId": …}} (or a 303) out. */
public final class IntakeHandler implements HttpApiHandler {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeHandler.class);
  private final IntakeService intake;

  /** For Lambda: collaborators from the function's settings. */
  public IntakeHandler() {
    this(Settings.current());
  }

  private IntakeHandler(Settings settings) {
    this(
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        LeadHistories.of(settings),
        new DynamoIntakeKeys(AwsClients.dynamo(), settings.require("INTAKE_KEYS_TABLE")),
        new StepFunctionsWorkflow(
            AwsClients.stepFunctions(),
            settings.require("STATE_MACHINE_ARN"),
            Duration.ofMillis(200),
            settings.clock()),
        settings.clock(),
        duplicateWindow(settings),
        RedirectOrigins.parse(settings.get("ALLOWED_ORIGINS").orElse("")));
  }

  /** For tests: the given collaborators. */
  public IntakeHandler(
      LeadStore leads,
      LeadHistory history,
      IntakeKeys keys,
      Workflow workflow,
      Clock clock,
      Duration duplicateWindow,
      RedirectOrigins redirectOrigins) {
    this.intake =
        new IntakeService(leads, history, keys, workflow, clock, duplicateWindow, redirectOrigins);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    IntakeRequest request =
        new IntakeRequest(
            header(event, "content-type"),
            header(event, "idempotency-key"),
            event.getBody(),
            event.getIsBase64Encoded());
    IntakeResult result =
        InvocationLogging.run(context, Optional.empty(), Optional.empty(), () -> submit(request));
    return IntakeResponses.of(result);
  }

  private IntakeResult submit(IntakeRequest request) {
    IntakeResult result = intake.submit(request);
    if (result instanceof IntakeResult.Accepted accepted) {
      MDC.put(InvocationLogging.LEAD_ID, accepted.leadId());
      LOG.info("Lead accepted");
    } else if (result instanceof IntakeResult.Unavailable unavailable) {
      MDC.put(InvocationLogging.LEAD_ID, unavailable.leadId());
      LOG.error("Lead stored but its workflow did not start; answered 503");
    } else if (result instanceof IntakeResult.Rejected rejected) {
      // The message may quote what the form sent: masked, like every log line.
      LOG.info("Submission refused: {}", PersonalData.scrub(rejected.message()));
    }
    MDC.remove(InvocationLogging.LEAD_ID);
    return result;
  }

  // HTTP API lower-cases header names; other callers (tests, tools) may not.
  private static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
    Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
    return headers.entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static Duration duplicateWindow(Settings settings) {
    int minutes = settings.integer("DUPLICATE_WINDOW_MINUTES", 60);
    if (minutes < 0) {
      throw new IllegalStateException("Setting DUPLICATE_WINDOW_MINUTES must be 0 or more");
    }
    return Duration.ofMinutes(minutes);
  }
}
