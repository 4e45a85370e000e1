package com.leadhandoff.store;

import com.leadhandoff.outcome.OutcomeLink;
import com.leadhandoff.outcome.OutcomeLinkStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Outcome links in {@code OutcomeLinksTable}, keyed by {@code tokenHash}: a link is read by the
 * hash of the token it was opened with, consistently and without an index. {@code purgeAt}, the
 * TTL, removes a link a while after it expired; the lead's history keeps what it recorded.
 */
public final class DynamoOutcomeLinks implements OutcomeLinkStore {
  private static final Duration KEEP = Duration.ofDays(30);

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoOutcomeLinks(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void put(OutcomeLink link) {
    Map<String, AttributeValue> item = new HashMap<>(ItemCodec.toItem(link));
    item.put(
        "purgeAt",
        AttributeValue.fromN(Long.toString(link.expiresAt().plus(KEEP).getEpochSecond())));
    // 256 random bits never collide; the condition makes sure no link is ever overwritten.
    dynamo.putItem(
        r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(tokenHash)"));
  }

  @Override
  public Optional<OutcomeLink> find(String tokenHash) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("tokenHash", AttributeValue.fromS(tokenHash)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(ItemCodec.fromItem(item, OutcomeLink.class));
  }
}
