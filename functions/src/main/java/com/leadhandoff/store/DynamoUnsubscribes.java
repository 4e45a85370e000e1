package com.leadhandoff.store;

import com.leadhandoff.history.Change;
import com.leadhandoff.unsubscribe.Unsubscribes;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@code UnsubscribesTable}, one key attribute {@code key}: {@code link#HASH} items (an issued
 * link, purged by the {@code purgeAt} TTL two years on) and {@code address#EMAIL} items (the
 * address, lower-cased, that unsubscribed; kept for good).
 */
public final class DynamoUnsubscribes implements Unsubscribes {
  private static final Duration KEEP_LINKS = Duration.ofDays(730);

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoUnsubscribes(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void issue(String tokenHash, Link link, Instant at) {
    dynamo.putItem(
        r ->
            r.tableName(table)
                .item(linkItem(tokenHash, link, at))
                .conditionExpression("attribute_not_exists(#k)")
                .expressionAttributeNames(Map.of("#k", "key")));
  }

  /**
   * The link's put as an item of a transaction (a per-lead item: one link, one email), for the
   * email's claim to take in the same TransactWriteItems.
   */
  @Override
  public Change issuing(String tokenHash, Link link, Instant at) {
    Map<String, AttributeValue> item = linkItem(tokenHash, link, at);
    return new DynamoChange(
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(#k)")
                        .expressionAttributeNames(Map.of("#k", "key")))
            .build(),
        () -> {
          issue(tokenHash, link, at);
          return true;
        });
  }

  private static Map<String, AttributeValue> linkItem(String tokenHash, Link link, Instant at) {
    return Map.of(
        "key", s("link#" + tokenHash),
        "email", s(link.email()),
        "leadId", s(link.leadId()),
        "issuedAt", s(at.toString()),
        "purgeAt", n(at.plus(KEEP_LINKS).getEpochSecond()));
  }

  @Override
  public Optional<Link> find(String tokenHash) {
    Map<String, AttributeValue> item = get("link#" + tokenHash);
    return item.isEmpty()
        ? Optional.empty()
        : Optional.of(new Link(item.get("email").s(), item.get("leadId").s()));
  }

  @Override
  public boolean unsubscribe(String email, String leadId, Instant at) {
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(
                      Map.of(
                          "key", s(addressKey(email)),
                          "leadId", s(leadId),
                          "unsubscribedAt", s(at.toString())))
                  .conditionExpression("attribute_not_exists(#k)")
                  .expressionAttributeNames(Map.of("#k", "key")));
      return true;
    } catch (ConditionalCheckFailedException alreadyUnsubscribed) {
      return false;
    }
  }

  @Override
  public boolean isUnsubscribed(String email) {
    return !get(addressKey(email)).isEmpty();
  }

  private Map<String, AttributeValue> get(String key) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(r -> r.tableName(table).key(Map.of("key", s(key))).consistentRead(true))
            .item();
    return item == null ? Map.of() : item;
  }

  private static String addressKey(String email) {
    return "address#" + email.strip().toLowerCase(Locale.ROOT);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
