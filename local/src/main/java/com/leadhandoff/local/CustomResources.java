package com.leadhandoff.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.lambda.Functions;
import com.leadhandoff.local.lambda.Invocation;
import com.leadhandoff.local.template.CustomResource;
import com.leadhandoff.local.template.LocalNames;
import com.leadhandoff.local.template.TemplateException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays CloudFormation for custom resources on stack creation: sends each one's function a {@code
 * Create} event and reads the answer the function PUTs to the event's {@code ResponseURL}, which
 * this class serves under {@link #PATH}.
 */
final class CustomResources implements HttpHandler {
  static final String PATH = "/_cfn/";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, JsonNode> responses = new ConcurrentHashMap<>();
  private final URI baseUrl;
  private final String stackName;

  CustomResources(URI baseUrl, String stackName) {
    this.baseUrl = baseUrl;
    this.stackName = stackName;
  }

  /** Creates {@code resource}; a failure or a FAILED answer is a startup error naming it. */
  void create(CustomResource resource, Functions functions) {
    String requestId = UUID.randomUUID().toString();
    ObjectNode event = JSON.createObjectNode();
    event.put("RequestType", "Create");
    event.put("ServiceToken", resource.serviceToken());
    event.put("ResponseURL", baseUrl + PATH + requestId);
    event.put(
        "StackId",
        "arn:aws:cloudformation:"
            + LocalNames.REGION
            + ":"
            + LocalNames.ACCOUNT_ID
            + ":stack/"
            + stackName
            + "/local");
    event.put("RequestId", requestId);
    event.put("LogicalResourceId", resource.logicalId());
    event.put("ResourceType", resource.type());
    event.set("ResourceProperties", JSON.valueToTree(resource.properties()));

    String what = "Custom resource " + resource.logicalId() + " (" + resource.type() + ")";
    Invocation result = functions.invoke(resource.serviceToken(), event);
    if (result instanceof Invocation.Failure failure) {
      throw new TemplateException(
          what
              + ": its function failed with "
              + failure.errorType()
              + ": "
              + failure.errorMessage());
    }
    JsonNode response = responses.remove(requestId);
    if (response == null) {
      throw new TemplateException(
          what + ": its function returned without sending a response to the ResponseURL");
    }
    if (!"SUCCESS".equals(response.path("Status").asText())) {
      throw new TemplateException(
          what
              + " reported "
              + response.path("Status").asText()
              + ": "
              + response.path("Reason").asText());
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestId = exchange.getRequestURI().getPath().substring(PATH.length());
      if (!exchange.getRequestMethod().equals("PUT")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      JsonNode response;
      try {
        response = JSON.readTree(exchange.getRequestBody());
      } catch (IOException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      responses.put(requestId, response);
      exchange.sendResponseHeaders(200, -1);
    }
  }
}
