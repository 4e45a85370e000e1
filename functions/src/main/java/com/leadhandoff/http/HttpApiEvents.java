package com.leadhandoff.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an HTTP API payload 2.0 event and writes its response, as documented in the API Gateway
 * developer guide ("Working with AWS Lambda proxy integrations for HTTP APIs"). Only the fields a
 * handler reads are mapped: the route, path, query and path parameters, headers, cookies, body and
 * the request context's method and IAM caller.
 */
public final class HttpApiEvents {
  private static final JsonFactory JSON = new JsonFactory();

  private HttpApiEvents() {}

  /** The event in {@code input}; an event that is not a JSON object is a clear error. */
  public static APIGatewayV2HTTPEvent read(InputStream input) throws IOException {
    Map<String, Object> json;
    try (JsonParser parser = JSON.createParser(input)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("An HTTP API event must be a JSON object");
      }
      json = object(parser);
    }
    Map<String, Object> context = map(json.get("requestContext"));
    Map<String, Object> http = map(context.get("http"));
    Map<String, Object> iam = map(map(context.get("authorizer")).get("iam"));
    return APIGatewayV2HTTPEvent.builder()
        .withVersion(text(json.get("version")))
        .withRouteKey(text(json.get("routeKey")))
        .withRawPath(text(json.get("rawPath")))
        .withRawQueryString(text(json.get("rawQueryString")))
        .withCookies(texts(json.get("cookies")))
        .withHeaders(strings(json.get("headers")))
        .withQueryStringParameters(strings(json.get("queryStringParameters")))
        .withPathParameters(strings(json.get("pathParameters")))
        .withStageVariables(strings(json.get("stageVariables")))
        .withBody(text(json.get("body")))
        .withIsBase64Encoded(Boolean.TRUE.equals(json.get("isBase64Encoded")))
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(text(context.get("routeKey")))
                .withRequestId(text(context.get("requestId")))
                .withStage(text(context.get("stage")))
                .withDomainName(text(context.get("domainName")))
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(text(http.get("method")))
                        .withPath(text(http.get("path")))
                        .withProtocol(text(http.get("protocol")))
                        .withSourceIp(text(http.get("sourceIp")))
                        .withUserAgent(text(http.get("userAgent")))
                        .build())
                .withAuthorizer(
                    iam.isEmpty()
                        ? null
                        : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                            .withIam(
                                APIGatewayV2HTTPEvent.RequestContext.IAM
                                    .builder()
                                    .withUserArn(text(iam.get("userArn")))
                                    .withCallerId(text(iam.get("callerId")))
                                    .withAccountId(text(iam.get("accountId")))
                                    .withUserId(text(iam.get("userId")))
                                    .build())
                            .build())
                .build())
        .build();
  }

  /** Writes {@code response} as the payload 2.0 response object. */
  public static void write(APIGatewayV2HTTPResponse response, OutputStream output)
      throws IOException {
    try (JsonGenerator out = JSON.createGenerator(output)) {
      out.writeStartObject();
      out.writeNumberField("statusCode", response.getStatusCode());
      if (response.getHeaders() != null) {
        out.writeObjectFieldStart("headers");
        for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
          out.writeStringField(header.getKey(), header.getValue());
        }
        out.writeEndObject();
      }
      if (response.getMultiValueHeaders() != null) {
        out.writeObjectFieldStart("multiValueHeaders");
        for (Map.Entry<String, List<String>> header : response.getMultiValueHeaders().entrySet()) {
          out.writeArrayFieldStart(header.getKey());
          for (String value : header.getValue()) {
            out.writeString(value);
          }
          out.writeEndArray();
        }
        out.writeEndObject();
      }
      if (response.getCookies() != null) {
        out.writeArrayFieldStart("cookies");
        for (String cookie : response.getCookies()) {
          out.writeString(cookie);
        }
        out.writeEndArray();
      }
      if (response.getBody() != null) {
        out.writeStringField("body", response.getBody());
      }
      out.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
      out.writeEndObject();
    }
  }

  private static Map<String, Object> object(JsonParser parser) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      fields.put(name, value(parser));
    }
    return fields;
  }

  private static Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return object(parser);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(parser));
      }
      return items;
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return parser.getBooleanValue();
    }
    return parser.getText();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static String text(Object value) {
    return value == null || value instanceof Map<?, ?> || value instanceof List<?>
        ? null
        : String.valueOf(value);
  }

  private static List<String> texts(Object value) {
    return value instanceof List<?> items ? items.stream().map(HttpApiEvents::text).toList() : null;
  }

  private static Map<String, String> strings(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return null;
    }
    Map<String, String> strings = new LinkedHashMap<>();
    map.forEach((k, v) -> strings.put(String.valueOf(k), text(v)));
    return strings;
  }
}
