package com.leadhandoff.store;

import com.leadhandoff.digest.DigestClaims;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Digest claims in {@code DigestClaimsTable}, one item per team and week ({@code claimId} = {@code
 * teamId#monday}): {@code status} SENDING while a run sends it, SENT after. Items expire ({@code
 * expiresAt}, TTL) well after their week, when no run can be due for it any more.
 */
public final class DynamoDigestClaims implements DigestClaims {
  /** Longer than a Lambda invocation can last (15 minutes): a claim this old lost its sender. */
  static final Duration STALE = Duration.ofMinutes(20);

  private static final Duration KEEP = Duration.ofDays(60);

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDigestClaims(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean claim(String teamId, LocalDate monday, Instant now) {
    try {
      // One conditional PutItem decides between concurrent runs: DynamoDB applies conditional
      // writes to one item one at a time, so only one of them finds the item absent (or stale).
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(
                      Map.of(
                          "claimId", id(teamId, monday),
                          "status", AttributeValue.fromS("SENDING"),
                          "claimedAt", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                          "expiresAt",
                              AttributeValue.fromN(Long.toString(now.plus(KEEP).getEpochSecond()))))
                  .conditionExpression(
                      "attribute_not_exists(claimId) OR (#status = :sending AND claimedAt < :stale)")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":sending", AttributeValue.fromS("SENDING"),
                          ":stale",
                              AttributeValue.fromN(
                                  Long.toString(now.minus(STALE).toEpochMilli())))));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }

  @Override
  public void sent(String teamId, LocalDate monday, Instant now) {
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(Map.of("claimId", id(teamId, monday)))
                .updateExpression("SET #status = :sent, sentAt = :at")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(
                    Map.of(
                        ":sent", AttributeValue.fromS("SENT"),
                        ":at", AttributeValue.fromS(now.toString()))));
  }

  @Override
  public void release(String teamId, LocalDate monday) {
    try {
      dynamo.deleteItem(
          r ->
              r.tableName(table)
                  .key(Map.of("claimId", id(teamId, monday)))
                  .conditionExpression("#status = :sending")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(Map.of(":sending", AttributeValue.fromS("SENDING"))));
    } catch (ConditionalCheckFailedException alreadyGone) {
      // Nothing to give up: never claimed, or already sent.
    }
  }

  private static AttributeValue id(String teamId, LocalDate monday) {
    return AttributeValue.fromS(teamId + "#" + monday);
  }
}
