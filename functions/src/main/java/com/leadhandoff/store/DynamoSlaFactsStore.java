package com.leadhandoff.store;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.ValueTrees;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * SLA facts in {@code SlaFactsTable}: partition {@code day} = the UTC date the lead was received,
 * sort key {@code leadId}. A report over a period queries one partition per day and never reads the
 * leads table; a lead's facts keep their key as they change, since its receipt never moves.
 *
 * <p>The facts are stored as one JSON attribute beside the keys and a few plain attributes that
 * make the table readable in the console.
 */
public final class DynamoSlaFactsStore implements SlaFactsStore {
  private final DynamoDbClient dynamo;
  private final String table;
  private final Optional<String> historyTable;

  public DynamoSlaFactsStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, Optional.empty());
  }

  /**
   * A store that can also {@link #putFirstWith} a history entry.
   *
   * @param historyTable where {@link DynamoLeadHistory} keeps the leads' histories
   */
  public DynamoSlaFactsStore(DynamoDbClient dynamo, String table, String historyTable) {
    this(dynamo, table, Optional.of(historyTable));
  }

  private DynamoSlaFactsStore(DynamoDbClient dynamo, String table, Optional<String> historyTable) {
    this.dynamo = dynamo;
    this.table = table;
    this.historyTable = historyTable;
  }

  @Override
  public void put(SlaFacts facts) {
    dynamo.putItem(r -> r.tableName(table).item(item(facts)));
  }

  /**
   * One {@code TransactWriteItems}: the history entry, and the facts on condition that the lead has
   * none yet, or only facts withdrawn with an offer whose email was refused (see {@link
   * #firstPut}). Any cancellation, the condition's or a conflict with another write, leaves both
   * unwritten (API Reference, "TransactWriteItems": the actions "are completed atomically so that
   * either all of them succeed, or all of them fail"), so the caller records the entry as usual.
   */
  @Override
  public boolean putFirstWith(String leadId, HistoryEvent entry, SlaFacts facts) {
    return writeWithEntry(leadId, entry, firstPut(table, facts));
  }

  /**
   * One {@code TransactWriteItems} of the history entry and the facts, both or neither (API
   * Reference, "TransactWriteItems": the actions "are completed atomically so that either all of
   * them succeed, or all of them fail"): a cancellation, a conflict with another write of the
   * facts, wrote nothing and returns false. The SDK fills in the ClientRequestToken, so its own
   * retry of a transaction that did succeed is answered as a success.
   */
  @Override
  public boolean putWith(String leadId, HistoryEvent entry, SlaFacts facts) {
    return writeWithEntry(
        leadId,
        entry,
        TransactWriteItem.builder().put(p -> p.tableName(table).item(item(facts))).build());
  }

  /** The entry and {@code factsWrite} in one TransactWriteItems; false when it was cancelled. */
  private boolean writeWithEntry(String leadId, HistoryEvent entry, TransactWriteItem factsWrite) {
    if (historyTable.isEmpty()) {
      return false;
    }
    Map<String, AttributeValue> entryItem = DynamoLeadHistory.eventItem(leadId, entry);
    try {
      dynamo.transactWriteItems(
          r ->
              r.transactItems(
                  TransactWriteItem.builder()
                      .put(p -> p.tableName(historyTable.get()).item(entryItem))
                      .build(),
                  factsWrite));
      return true;
    } catch (TransactionCanceledException e) {
      return false;
    }
  }

  /**
   * The put of a lead's first facts in table {@code table}, as an item of a transaction: on
   * condition that the lead has none, or only facts withdrawn with the offer they held (see {@link
   * #withdrawal}).
   */
  static TransactWriteItem firstPut(String table, SlaFacts facts) {
    return TransactWriteItem.builder()
        .put(
            p ->
                p.tableName(table)
                    .item(item(facts))
                    .conditionExpression("attribute_not_exists(leadId) OR #withdrawn = :yes")
                    .expressionAttributeNames(Map.of("#withdrawn", WITHDRAWN))
                    .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))))
        .build();
  }

  /**
   * Withdraws the first facts {@link #firstPut} wrote, as an item of a transaction, on condition
   * that they are still those: a lead whose only fact was an offer never made has no facts, as if
   * they had never been written. The function may put and update, not delete (SAM's {@code
   * DynamoDBWritePolicy}), so the item stays, marked, and {@link #receivedOn} leaves it out.
   */
  static TransactWriteItem withdrawal(String table, SlaFacts written) {
    Map<String, AttributeValue> key = new java.util.HashMap<>(item(written));
    key.keySet().retainAll(java.util.Set.of("day", "leadId"));
    Map<String, AttributeValue> marker = new java.util.HashMap<>(key);
    marker.put(WITHDRAWN, AttributeValue.fromBool(true));
    return TransactWriteItem.builder()
        .put(
            p ->
                p.tableName(table)
                    .item(marker)
                    .conditionExpression("#facts = :written")
                    .expressionAttributeNames(Map.of("#facts", "facts"))
                    .expressionAttributeValues(Map.of(":written", item(written).get("facts"))))
        .build();
  }

  private static final String WITHDRAWN = "withdrawn";

  private static Map<String, AttributeValue> item(SlaFacts facts) {
    // The same text as the mapper's: a condition below compares it with the stored one.
    String json = ValueTrees.write(facts);
    return Map.of(
        "day", AttributeValue.fromS(day(facts).toString()),
        "leadId", AttributeValue.fromS(facts.leadId()),
        "escalated", AttributeValue.fromBool(facts.escalated()),
        "acceptedWithinSla", AttributeValue.fromBool(facts.acceptedWithinSla()),
        "breaches", AttributeValue.fromN(Integer.toString(facts.breaches().size())),
        "facts", AttributeValue.fromS(json));
  }

  @Override
  public List<SlaFacts> receivedOn(LocalDate day) {
    return dynamo
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("#day = :day")
                    .expressionAttributeNames(Map.of("#day", "day"))
                    .expressionAttributeValues(
                        Map.of(":day", AttributeValue.fromS(day.toString()))))
        .items()
        .stream()
        .filter(item -> !item.containsKey(WITHDRAWN))
        .map(item -> read(item.get("facts").s()))
        .toList();
  }

  private static LocalDate day(SlaFacts facts) {
    return facts.receivedAt().atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static SlaFacts read(String json) {
    try {
      return ValueTrees.readValue(json, SlaFacts.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Stored SLA facts unreadable: " + e.getMessage(), e);
    }
  }
}
