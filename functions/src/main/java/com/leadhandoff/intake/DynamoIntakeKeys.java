package com.leadhandoff.intake;

import com.leadhandoff.history.Change;
import com.leadhandoff.store.DynamoChange;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Intake keys in {@code IntakeKeysTable}: one item per key with the lead it stands for, the {@code
 * requestHash} of the request that claimed it (for an {@code Idempotency-Key}), and {@code
 * expiresAt} in epoch seconds; keys claimed by earlier versions also say whether their lead was
 * {@code started}. DynamoDB's TTL deletes expired items only eventually, so every claim also treats
 * an expired item as free.
 */
public final class DynamoIntakeKeys implements IntakeKeys {
  private static final String FREE = "attribute_not_exists(intakeKey) OR expiresAt < :now";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoIntakeKeys(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Holder claim(
      String key, String leadId, Optional<String> requestHash, Instant expiresAt, Instant now) {
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(item(key, leadId, requestHash, expiresAt))
                  .conditionExpression(FREE)
                  .expressionAttributeValues(Map.of(":now", epochSeconds(now)))
                  // The losing writer learns the winner from the same call: no read to race.
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return new Holder(leadId, false, requestHash);
    } catch (ConditionalCheckFailedException e) {
      return holderIn(e.item());
    }
  }

  /**
   * The claim's conditional put as an item of the lead's transaction: a cancelled transaction's
   * reason for it carries the item that held the key (ALL_OLD), so the losing request learns the
   * winner from the same call, with no read to race.
   */
  @Override
  public Change claiming(
      String key,
      String leadId,
      Optional<String> requestHash,
      Instant expiresAt,
      Instant now,
      Consumer<Holder> holder) {
    Change alone = IntakeKeys.super.claiming(key, leadId, requestHash, expiresAt, now, holder);
    return new DynamoChange(
        TransactWriteItem.builder()
            .put(
                Put.builder()
                    .tableName(table)
                    .item(item(key, leadId, requestHash, expiresAt))
                    .conditionExpression(FREE)
                    .expressionAttributeValues(Map.of(":now", epochSeconds(now)))
                    .returnValuesOnConditionCheckFailure(
                        ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build())
            .build(),
        alone::make,
        found -> {
          if (found.containsKey("leadId")) {
            holder.accept(holderIn(found));
          }
        });
  }

  private static Map<String, AttributeValue> item(
      String key, String leadId, Optional<String> requestHash, Instant expiresAt) {
    Map<String, AttributeValue> claim = new HashMap<>();
    claim.put("intakeKey", AttributeValue.fromS(key));
    claim.put("leadId", AttributeValue.fromS(leadId));
    claim.put("expiresAt", epochSeconds(expiresAt));
    requestHash.ifPresent(hash -> claim.put("requestHash", AttributeValue.fromS(hash)));
    return claim;
  }

  private static Holder holderIn(Map<String, AttributeValue> item) {
    // Only keys of earlier versions carry "started".
    AttributeValue started = item.get("started");
    return new Holder(
        item.get("leadId").s(),
        started != null && Boolean.TRUE.equals(started.bool()),
        Optional.ofNullable(item.get("requestHash")).map(AttributeValue::s));
  }

  @Override
  public void repoint(String key, String from, Holder to) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(Map.of("intakeKey", AttributeValue.fromS(key)))
                  .conditionExpression("leadId = :expected")
                  .updateExpression("SET leadId = :to, started = :started")
                  .expressionAttributeValues(
                      Map.of(
                          ":expected", AttributeValue.fromS(from),
                          ":to", AttributeValue.fromS(to.leadId()),
                          ":started", AttributeValue.fromBool(to.started()))));
    } catch (ConditionalCheckFailedException e) {
      // Another request moved the key on; its answer stands.
    }
  }

  private static AttributeValue epochSeconds(Instant instant) {
    return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
  }
}
