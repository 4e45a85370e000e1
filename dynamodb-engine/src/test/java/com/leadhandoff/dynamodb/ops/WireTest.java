package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The JSON 1.0 protocol as DynamoDB speaks it over HTTP. */
class WireTest extends EngineTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private HttpResponse<String> post(String target, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(server.endpoint())
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void responsesCarryARequestIdAndTheCrc32OfTheBody() throws Exception {
    HttpResponse<String> r = post("DynamoDB_20120810.ListTables", "{}");
    assertEquals(200, r.statusCode());
    CRC32 crc = new CRC32();
    crc.update(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(
        Long.toString(crc.getValue()), r.headers().firstValue("x-amz-crc32").orElseThrow());
    String id1 = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
    String id2 =
        post("DynamoDB_20120810.ListTables", "{}").headers().firstValue("x-amzn-RequestId").get();
    assertTrue(!id1.equals(id2));
  }

  @Test
  void malformedJsonIsASerializationException() throws Exception {
    HttpResponse<String> r = post("DynamoDB_20120810.ListTables", "{not json");
    assertEquals(400, r.statusCode());
    JsonNode body = json.readTree(r.body());
    assertEquals(
        "com.amazonaws.dynamodb.v20120810#SerializationException", body.get("__type").asText());
  }

  @Test
  void textAfterTheJsonObjectIsASerializationException() throws Exception {
    HttpResponse<String> r = post("DynamoDB_20120810.ListTables", "{} {}");
    assertEquals(400, r.statusCode());
    assertEquals(
        "com.amazonaws.dynamodb.v20120810#SerializationException",
        json.readTree(r.body()).get("__type").asText());
  }

  @Test
  void unknownTargetIsAnUnknownOperationException() throws Exception {
    HttpResponse<String> r = post("DynamoDB_20120810.Frobnicate", "{}");
    assertEquals(400, r.statusCode());
    assertEquals(
        "com.amazonaws.dynamodb.v20120810#UnknownOperationException",
        json.readTree(r.body()).get("__type").asText());
  }

  @Test
  void getOfTheRootAnswers() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(server.endpoint()).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
  }

  @Test
  void validationErrorsCarryTheNamespacedType() throws Exception {
    HttpResponse<String> r = post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"x\"}");
    assertEquals(400, r.statusCode());
    JsonNode body = json.readTree(r.body());
    assertEquals(
        "com.amazonaws.dynamodb.v20120810#ValidationException", body.get("__type").asText());
    assertTrue(body.get("message").asText().contains("tableName"));
  }
}
