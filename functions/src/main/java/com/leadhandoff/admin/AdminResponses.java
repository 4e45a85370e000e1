package com.leadhandoff.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.intake.FieldError;
import com.leadhandoff.json.JsonResponses;
import com.leadhandoff.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** What the admin handlers share: the caller, the JSON body in, JSON responses out. */
final class AdminResponses {
  private AdminResponses() {}

  /** The error body: a sentence, then every bad field. */
  record ErrorBody(String message, List<FieldError> errors) {}

  /**
   * Who called, as API Gateway's IAM authorizer put it in the request context: the user or role
   * ARN, else the caller id; the route is IAM-authorized, so an anonymous call never gets here.
   */
  static String caller(APIGatewayV2HTTPEvent event) {
    return Optional.ofNullable(event.getRequestContext())
        .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
        .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getIam)
        .flatMap(
            iam ->
                Optional.ofNullable(iam.getUserArn())
                    .or(() -> Optional.ofNullable(iam.getCallerId())))
        .orElse("unknown caller");
  }

  /** The body as JSON, or the 400 saying why it is not. */
  static Body body(APIGatewayV2HTTPEvent event) {
    String text = event.getBody() == null ? "" : event.getBody();
    if (event.getIsBase64Encoded()) {
      text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
    if (text.isBlank()) {
      return new Body(Optional.empty(), Optional.of(error(400, "The request has no JSON body")));
    }
    try {
      return new Body(Optional.of(JsonTrees.read(text)), Optional.empty());
    } catch (JsonProcessingException e) {
      return new Body(
          Optional.empty(),
          Optional.of(error(400, "The body is not valid JSON: " + e.getOriginalMessage())));
    }
  }

  /** A JSON body, or the response refusing it. */
  record Body(Optional<JsonNode> json, Optional<APIGatewayV2HTTPResponse> refused) {}

  static APIGatewayV2HTTPResponse error(int status, String message) {
    return JsonResponses.json(status, new ErrorBody(message, List.of()));
  }

  static APIGatewayV2HTTPResponse invalid(String message, List<FieldError> errors) {
    return JsonResponses.json(400, new ErrorBody(message, errors));
  }

  static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
    return Optional.ofNullable(event.getPathParameters()).map(p -> p.get(name)).orElse("");
  }
}
