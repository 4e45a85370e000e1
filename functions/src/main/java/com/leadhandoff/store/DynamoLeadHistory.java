package com.leadhandoff.store;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Lead history in {@code HistoryTable}: partition {@code leadId}, sort key {@code eventId} = the
 * event's instant plus a random suffix, so events sort by time and two at the same instant never
 * overwrite each other.
 *
 * <p>Claims ({@link #claim}) live in the same partition under sort keys {@code claim#<action>}.
 * Every event key begins with a year's digit, and digits sort before letters in DynamoDB's
 * byte-wise string order, so {@link #of} reads events only with {@code eventId < "claim#"}.
 */
public final class DynamoLeadHistory implements LeadHistory {
  private static final SecureRandom RANDOM = new SecureRandom();
  // Fixed width, unlike Instant.toString(), so sort keys order by time.
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final String CLAIM = "claim#";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoLeadHistory(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void record(String leadId, HistoryEvent event) {
    dynamo.putItem(r -> r.tableName(table).item(eventItem(leadId, event)));
  }

  /** The item {@link #record} writes for {@code event}, for a store that writes it with more. */
  static Map<String, AttributeValue> eventItem(String leadId, HistoryEvent event) {
    byte[] suffix = new byte[4];
    RANDOM.nextBytes(suffix);
    Map<String, AttributeValue> item = new java.util.HashMap<>(ItemCodec.toItem(event));
    item.put("leadId", AttributeValue.fromS(leadId));
    item.put(
        "eventId",
        AttributeValue.fromS(SORTABLE.format(event.at()) + "#" + HexFormat.of().formatHex(suffix)));
    return item;
  }

  @Override
  public List<HistoryEvent> of(String leadId) {
    return dynamo
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("leadId = :lead AND eventId < :claims")
                    .expressionAttributeValues(
                        Map.of(
                            ":lead", AttributeValue.fromS(leadId),
                            ":claims", AttributeValue.fromS(CLAIM)))
                    .consistentRead(true))
        .items()
        .stream()
        .map(item -> ItemCodec.fromItem(item, HistoryEvent.class))
        .toList();
  }

  @Override
  public boolean claim(String leadId, String action) {
    try {
      dynamo.putItem(claimPut(table, leadId, action));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * The conditional write of {@link #claim} in table {@code table}, for a store that takes the
   * claim in one transaction with what it guards (see {@link DynamoOfferStore#placeNew}).
   */
  static PutItemRequest claimPut(String table, String leadId, String action) {
    return PutItemRequest.builder()
        .tableName(table)
        .item(
            Map.of(
                "leadId", AttributeValue.fromS(leadId),
                "eventId", AttributeValue.fromS(CLAIM + action)))
        // A released claim (see below) is taken again by overwriting it.
        .conditionExpression("attribute_not_exists(eventId) OR released = :yes")
        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true)))
        .build();
  }

  /**
   * Marks the claim released rather than deleting it, so that the functions need no more than the
   * PutItem and UpdateItem of SAM's {@code DynamoDBWritePolicy}.
   */
  @Override
  public void release(String leadId, String action) {
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(
                    Map.of(
                        "leadId", AttributeValue.fromS(leadId),
                        "eventId", AttributeValue.fromS(CLAIM + action)))
                .updateExpression("SET released = :yes")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
  }
}
