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

/**
 * Lead history in {@code HistoryTable}: partition {@code leadId}, sort key {@code eventId} = the
 * event's instant plus a random suffix, so events sort by time and two at the same instant never
 * overwrite each other.
 */
public final class DynamoLeadHistory implements LeadHistory {
  private static final SecureRandom RANDOM = new SecureRandom();
  // Fixed width, unlike Instant.toString(), so sort keys order by time.
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoLeadHistory(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void record(String leadId, HistoryEvent event) {
    byte[] suffix = new byte[4];
    RANDOM.nextBytes(suffix);
    Map<String, AttributeValue> item = new java.util.HashMap<>(ItemCodec.toItem(event));
    item.put("leadId", AttributeValue.fromS(leadId));
    item.put(
        "eventId",
        AttributeValue.fromS(SORTABLE.format(event.at()) + "#" + HexFormat.of().formatHex(suffix)));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  @Override
  public List<HistoryEvent> of(String leadId) {
    return dynamo
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("leadId = :lead")
                    .expressionAttributeValues(Map.of(":lead", AttributeValue.fromS(leadId)))
                    .consistentRead(true))
        .items()
        .stream()
        .map(item -> ItemCodec.fromItem(item, HistoryEvent.class))
        .toList();
  }
}
