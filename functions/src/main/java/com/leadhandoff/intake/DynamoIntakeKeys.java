package com.leadhandoff.intake;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Intake keys in {@code IntakeKeysTable}: one item per key with the lead it stands for, whether
 * that lead was started, the {@code requestHash} of the request that claimed it (for an {@code
 * Idempotency-Key}), and {@code expiresAt} in epoch seconds. DynamoDB's TTL deletes expired items
 * only eventually, so every claim also treats an expired item as free.
 */
public final class DynamoIntakeKeys implements IntakeKeys {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoIntakeKeys(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Holder claim(
      String key, String leadId, Optional<String> requestHash, Instant expiresAt, Instant now) {
    Map<String, AttributeValue> claim = new HashMap<>();
    claim.put("intakeKey", AttributeValue.fromS(key));
    claim.put("leadId", AttributeValue.fromS(leadId));
    claim.put("expiresAt", epochSeconds(expiresAt));
    claim.put("started", AttributeValue.fromBool(false));
    requestHash.ifPresent(hash -> claim.put("requestHash", AttributeValue.fromS(hash)));
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(claim)
                  .conditionExpression("attribute_not_exists(intakeKey) OR expiresAt < :now")
                  .expressionAttributeValues(Map.of(":now", epochSeconds(now)))
                  // The losing writer learns the winner from the same call: no read to race.
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return new Holder(leadId, false, requestHash);
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> item = e.item();
      Boolean started = item.containsKey("started") ? item.get("started").bool() : null;
      return new Holder(
          item.get("leadId").s(),
          Boolean.TRUE.equals(started),
          Optional.ofNullable(item.get("requestHash")).map(AttributeValue::s));
    }
  }

  @Override
  public void repoint(String key, String from, Holder to) {
    update(
        key,
        from,
        "SET leadId = :to, started = :started",
        Map.of(
            ":to", AttributeValue.fromS(to.leadId()),
            ":started", AttributeValue.fromBool(to.started())));
  }

  @Override
  public void markStarted(String key, String leadId) {
    update(key, leadId, "SET started = :true", Map.of(":true", AttributeValue.fromBool(true)));
  }

  private void update(
      String key, String expectedLeadId, String expression, Map<String, AttributeValue> values) {
    Map<String, AttributeValue> all = new HashMap<>(values);
    all.put(":expected", AttributeValue.fromS(expectedLeadId));
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(Map.of("intakeKey", AttributeValue.fromS(key)))
                  .conditionExpression("leadId = :expected")
                  .updateExpression(expression)
                  .expressionAttributeValues(all));
    } catch (ConditionalCheckFailedException e) {
      // Another request moved the key on; its answer stands.
    }
  }

  private static AttributeValue epochSeconds(Instant instant) {
    return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
  }
}
