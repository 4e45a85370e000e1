package com.leadhandoff.priming;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Priming steps that run the SDK's marshallers, signers and response parsers for the operations the
 * functions call, through twin clients built like {@code AwsClients}' but with a {@link
 * CannedHttpClient} (nothing is sent) and static dummy credentials (the credential chain's endpoint
 * is not called either). Classes load per class, not per client, so the functions' own clients are
 * warm after it.
 */
final class SdkPriming {
  private static final String TABLE = "priming-never-sent";
  private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("p"));

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));

  private final CannedHttpClient http;
  private final Region region;

  SdkPriming(CannedHttpClient http) {
    this.http = http;
    // The region as the default chain reads it from the environment, without its file or
    // instance-metadata lookups.
    this.region =
        Region.of(
            Optional.ofNullable(System.getProperty("aws.region"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_REGION")))
                .orElse("us-east-1"));
  }

  void dynamo() {
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .httpClient(http)
            .region(region)
            .credentialsProvider(CREDENTIALS)
            .build()) {
      client.getItem(r -> r.tableName(TABLE).key(KEY).consistentRead(true));
      client.putItem(
          r -> r.tableName(TABLE).item(KEY).conditionExpression("attribute_not_exists(id)"));
      client.updateItem(
          r ->
              r.tableName(TABLE)
                  .key(KEY)
                  .updateExpression("SET #s = :s")
                  .expressionAttributeNames(Map.of("#s", "status"))
                  .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("p")))
                  .returnValues(ReturnValue.ALL_NEW));
      client.query(
          r ->
              r.tableName(TABLE)
                  .keyConditionExpression("id = :id")
                  .expressionAttributeValues(Map.of(":id", AttributeValue.fromS("p"))));
      client.transactWriteItems(
          r ->
              r.transactItems(
                  TransactWriteItem.builder()
                      .put(Put.builder().tableName(TABLE).item(KEY).build())
                      .build()));
    }
  }

  void eventBridge() {
    try (EventBridgeClient client =
        EventBridgeClient.builder()
            .httpClient(http)
            .region(region)
            .credentialsProvider(CREDENTIALS)
            .build()) {
      client.putEvents(
          r ->
              r.entries(
                  PutEventsRequestEntry.builder()
                      .eventBusName("priming")
                      .source("priming")
                      .detailType("priming")
                      .detail("{}")
                      .build()));
    }
  }

  void ses() {
    try (SesV2Client client =
        SesV2Client.builder()
            .httpClient(http)
            .region(region)
            .credentialsProvider(CREDENTIALS)
            .build()) {
      client.sendEmail(
          r ->
              r.fromEmailAddress("priming@example.invalid")
                  .destination(d -> d.toAddresses("priming@example.invalid"))
                  .content(
                      c ->
                          c.simple(
                              m ->
                                  m.subject(s -> s.data("priming"))
                                      .body(b -> b.text(t -> t.data("priming"))))));
    }
  }

  void stepFunctions() {
    try (SfnClient client =
        SfnClient.builder()
            .httpClient(http)
            .region(region)
            .credentialsProvider(CREDENTIALS)
            .build()) {
      client.startExecution(r -> r.stateMachineArn(arn("stateMachine")).name("p").input("{}"));
      client.sendTaskSuccess(r -> r.taskToken("priming").output("{}"));
      client.sendTaskFailure(r -> r.taskToken("priming").error("Priming"));
    }
  }

  private String arn(String kind) {
    return "arn:aws:states:" + region.id() + ":000000000000:" + kind + ":priming";
  }
}
