package com.leadhandoff.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A custom resource function: writes one item with a default SDK client (reaching the local
 * DynamoDB engine only through the SDK's standard settings) and answers CloudFormation on the
 * ResponseURL.
 */
public class SeedHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    JsonNode event = JSON.readTree(in);
    JsonNode properties = event.get("ResourceProperties");
    try (DynamoDbClient dynamo =
        DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
      dynamo.putItem(
          r ->
              r.tableName(properties.get("Table").asText())
                  .item(Map.of("noteId", AttributeValue.fromS("seeded"))));
    }
    String status = properties.path("Outcome").asText("SUCCESS");
    Map<String, Object> response =
        Map.of(
            "Status",
            status,
            "Reason",
            "outcome was " + status,
            "PhysicalResourceId",
            "seed",
            "StackId",
            event.get("StackId").asText(),
            "RequestId",
            event.get("RequestId").asText(),
            "LogicalResourceId",
            event.get("LogicalResourceId").asText());
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(event.get("ResponseURL").asText()))
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(response)))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
