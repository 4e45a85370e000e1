package com.leadhandoff.store;

import com.leadhandoff.ownership.AddressClaim;
import com.leadhandoff.ownership.AddressClaims;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Address claims in the DynamoDB table {@code AddressClaimsTable}: one item per address keyed by
 * {@code emailKey} (normalised as the leads' {@code byEmail} index keys it), holding {@code
 * holderLeadId} and {@code expiresAt} in epoch seconds, the table's TTL attribute. A table of its
 * own rather than a second item type in {@code LeadsTable}: the leads board, the dry run and the
 * watchdog scan that table and read every item as a lead.
 */
public final class DynamoAddressClaims implements AddressClaims {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoAddressClaims(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<AddressClaim> find(String email) {
    return claimIn(
        dynamo.getItem(r -> r.tableName(table).key(key(email)).consistentRead(true)).item());
  }

  @Override
  public boolean claim(String email, String holderLeadId, Instant expiresAt) {
    return put(
        email,
        holderLeadId,
        expiresAt,
        "attribute_not_exists(emailKey) OR holderLeadId = :holder",
        Map.of(":holder", AttributeValue.fromS(holderLeadId)));
  }

  @Override
  public Optional<AddressClaim> claimOrGet(String email, String holderLeadId, Instant expiresAt) {
    // PutItem's ReturnValues=ALL_OLD returns the item a put replaced (nothing when there was
    // none), and ReturnValuesOnConditionCheckFailure=ALL_OLD returns the item on the
    // ConditionalCheckFailedException (DynamoDB API reference, PutItem): either way the holder
    // before the put comes back with the put, with no read to race.
    try {
      Map<String, AttributeValue> old =
          dynamo
              .putItem(
                  r ->
                      r.tableName(table)
                          .item(item(email, holderLeadId, expiresAt))
                          .conditionExpression(
                              "attribute_not_exists(emailKey) OR holderLeadId = :holder")
                          .expressionAttributeValues(
                              Map.of(":holder", AttributeValue.fromS(holderLeadId)))
                          .returnValues(ReturnValue.ALL_OLD)
                          .returnValuesOnConditionCheckFailure(
                              ReturnValuesOnConditionCheckFailure.ALL_OLD))
              .attributes();
      return claimIn(old);
    } catch (ConditionalCheckFailedException e) {
      return claimIn(e.item());
    }
  }

  private static Optional<AddressClaim> claimIn(Map<String, AttributeValue> item) {
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AddressClaim(
            item.get("holderLeadId").s(),
            Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n()))));
  }

  @Override
  public boolean takeOver(
      String email, String previousHolderLeadId, String holderLeadId, Instant expiresAt) {
    return put(
        email,
        holderLeadId,
        expiresAt,
        "holderLeadId = :previous OR holderLeadId = :holder",
        Map.of(
            ":previous", AttributeValue.fromS(previousHolderLeadId),
            ":holder", AttributeValue.fromS(holderLeadId)));
  }

  @Override
  public void release(String email, String holderLeadId) {
    try {
      dynamo.deleteItem(
          r ->
              r.tableName(table)
                  .key(key(email))
                  .conditionExpression("holderLeadId = :holder")
                  .expressionAttributeValues(
                      Map.of(":holder", AttributeValue.fromS(holderLeadId))));
    } catch (ConditionalCheckFailedException e) {
      // Held by another lead (taken over), or released already: nothing of ours to give up.
    }
  }

  private boolean put(
      String email,
      String holderLeadId,
      Instant expiresAt,
      String condition,
      Map<String, AttributeValue> values) {
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(item(email, holderLeadId, expiresAt))
                  .conditionExpression(condition)
                  .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Map<String, AttributeValue> item(
      String email, String holderLeadId, Instant expiresAt) {
    return Map.of(
        "emailKey", AttributeValue.fromS(DynamoLeadStore.emailKey(email)),
        "holderLeadId", AttributeValue.fromS(holderLeadId),
        "expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
  }

  private static Map<String, AttributeValue> key(String email) {
    return Map.of("emailKey", AttributeValue.fromS(DynamoLeadStore.emailKey(email)));
  }
}
