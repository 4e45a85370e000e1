package com.leadhandoff.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.json.JsonResponses;
import java.util.List;
import java.util.Map;

/** Intake results as HTTP API responses. Every body is JSON; CORS headers are API Gateway's job. */
final class IntakeResponses {
  private IntakeResponses() {}

  /** The response for {@code result}. */
  static APIGatewayV2HTTPResponse of(IntakeResult result) {
    if (result instanceof IntakeResult.Accepted accepted) {
      if (accepted.redirect().isPresent()) {
        // 303 makes the browser GET the thank-you page, so a reload does not post the form again.
        return APIGatewayV2HTTPResponse.builder()
            .withStatusCode(303)
            .withHeaders(Map.of("Location", accepted.redirect().get()))
            .build();
      }
      return JsonResponses.json(202, Map.of("leadId", accepted.leadId()));
    }
    if (result instanceof IntakeResult.Unavailable unavailable) {
      // Not a 202: the lead is stored but nobody works on it yet. Retry-After tells the form (or
      // the prospect's browser) when to post again; the same post completes this lead.
      APIGatewayV2HTTPResponse response =
          JsonResponses.json(
              503,
              new UnavailableBody(
                  "The lead was stored but its handoff could not be started; send the same"
                      + " request again (with the same Idempotency-Key, if you sent one) after"
                      + " Retry-After seconds",
                  unavailable.leadId()));
      Map<String, String> headers = new java.util.HashMap<>(response.getHeaders());
      headers.put("Retry-After", Long.toString(unavailable.retryAfter().toSeconds()));
      response.setHeaders(headers);
      return response;
    }
    IntakeResult.Rejected rejected = (IntakeResult.Rejected) result;
    int status =
        switch (rejected.refusal()) {
          case INVALID -> 400;
          case TOO_LARGE -> 413;
          case UNSUPPORTED_MEDIA_TYPE -> 415;
          case IDEMPOTENCY_KEY_REUSED -> 422;
        };
    return JsonResponses.json(status, new ErrorBody(rejected.message(), rejected.errors()));
  }

  /** The body of a 503: a sentence, and the lead a retry completes. */
  record UnavailableBody(String message, String leadId) {}

  /** The error body: a sentence, then every bad field. */
  record ErrorBody(String message, List<FieldError> errors) {}
}
