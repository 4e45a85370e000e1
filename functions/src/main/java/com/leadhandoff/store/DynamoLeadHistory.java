package com.leadhandoff.store;

import com.leadhandoff.history.Change;
import com.leadhandoff.history.Changes;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.Joined;
import com.leadhandoff.history.LeadHistory;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

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

  /** Attempts at a transaction of several changes that other transactions keep cancelling. */
  public static final int CONFLICT_ATTEMPTS = 3;

  /** Marks an entry withdrawn: {@link #of} leaves it out. */
  static final String WITHDRAWN = "withdrawn";

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

  /**
   * One TransactWriteItems for a change of DynamoDB's own and its entry: both are written or
   * neither, in one request instead of two. Each item of a transaction costs twice the write units
   * it would alone (DynamoDB developer guide, "Amazon DynamoDB Transactions: How it works",
   * capacity management), so this is for entries whose change they must not outlive or miss. The
   * SDK fills in the transaction's ClientRequestToken, so its own retry of a transaction that did
   * succeed is answered as a success, not as a failed condition.
   */
  @Override
  public boolean recordWith(String leadId, HistoryEvent event, Change change) {
    if (change instanceof Changes several
        && several.changes().stream().allMatch(DynamoChange.class::isInstance)) {
      return recordWithAll(
          leadId, event, several.changes().stream().map(DynamoChange.class::cast).toList());
    }
    if (!(change instanceof DynamoChange dynamoChange)) {
      return LeadHistory.super.recordWith(leadId, event, change);
    }
    Map<String, AttributeValue> entry = eventItem(leadId, event);
    try {
      dynamo.transactWriteItems(
          r ->
              r.transactItems(
                  dynamoChange.item(),
                  TransactWriteItem.builder().put(p -> p.tableName(table).item(entry)).build()));
      return true;
    } catch (TransactionCanceledException e) {
      // The reasons come in the order of the items; the change is the first (DynamoDB API
      // reference, TransactWriteItems: CancellationReasons). Only its condition failing means
      // "refused"; a conflict with another transaction or throttling is thrown for a retry.
      List<CancellationReason> reasons = e.cancellationReasons();
      if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Several changes and their entry in one TransactWriteItems, the entry last. When conditions
   * cancel it, each change whose condition failed is told the item it found, and nothing was
   * written. A transaction cancelled only because another one held an item at the same moment
   * (reason TransactionConflict: two submissions racing for one intake key, say; DynamoDB developer
   * guide, "Transaction conflict handling") wrote nothing either, so it is tried again: by then the
   * other has finished, and its item answers this one's condition.
   */
  private boolean recordWithAll(String leadId, HistoryEvent event, List<DynamoChange> changes) {
    List<TransactWriteItem> items = new ArrayList<>();
    changes.forEach(c -> items.add(c.item()));
    Map<String, AttributeValue> entry = eventItem(leadId, event);
    items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(entry)).build());
    for (int attempt = 1; ; attempt++) {
      try {
        dynamo.transactWriteItems(r -> r.transactItems(items));
        return true;
      } catch (TransactionCanceledException e) {
        // One reason per item, in the order of the items (API Reference, CancellationReason).
        List<CancellationReason> reasons = e.cancellationReasons();
        if (refused(changes, reasons)) {
          return false;
        }
        if (!conflictOnly(reasons) || attempt >= CONFLICT_ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /**
   * Tells each change whose condition failed the item it found (one reason per item, in the order
   * of the items, the changes first: API Reference, CancellationReason).
   *
   * @return whether any change was refused
   */
  private static boolean refused(List<DynamoChange> changes, List<CancellationReason> reasons) {
    boolean refused = false;
    for (int i = 0; i < Math.min(changes.size(), reasons.size()); i++) {
      CancellationReason reason = reasons.get(i);
      if ("ConditionalCheckFailed".equals(reason.code())) {
        refused = true;
        changes.get(i).refused().accept(reason.hasItem() ? reason.item() : Map.of());
      }
    }
    return refused;
  }

  /** Whether only other transactions holding its items cancelled this one: worth a new try. */
  private static boolean conflictOnly(List<CancellationReason> reasons) {
    return reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))
        && reasons.stream()
            .allMatch(r -> "TransactionConflict".equals(r.code()) || isNone(r.code()));
  }

  private static boolean isNone(String code) {
    return code == null || "None".equals(code);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(10L << attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One TransactWriteItems of the entries' puts (per-lead items, each its own key: a transaction
   * may not touch one item twice, DynamoDB API reference, TransactWriteItems), so they are all
   * written or none. Entries at the same instant get increasing suffixes, so the list's order is
   * the order {@link #of} reads them in. The puts are unconditional and their keys fixed before the
   * request: the SDK's retry of a transaction that did succeed (same ClientRequestToken, see {@link
   * #recordWith}) writes the same items again, never a second copy.
   */
  @Override
  public void recordAll(String leadId, List<HistoryEvent> events) {
    if (events.size() < 2) {
      events.forEach(event -> record(leadId, event));
      return;
    }
    List<TransactWriteItem> puts = entryPuts(leadId, events);
    dynamo.transactWriteItems(r -> r.transactItems(puts));
  }

  /** The puts of {@code events} for a transaction, in {@link #recordAll}'s order. */
  private List<TransactWriteItem> entryPuts(String leadId, List<HistoryEvent> events) {
    List<TransactWriteItem> puts = new ArrayList<>();
    Instant previousAt = null;
    long previousSuffix = 0;
    for (HistoryEvent event : events) {
      // Drawn below 2^30, so the at most 99 that follow stay within the suffix's 8 digits.
      long suffix = event.at().equals(previousAt) ? previousSuffix + 1 : RANDOM.nextInt(1 << 30);
      Map<String, AttributeValue> entry =
          eventItem(leadId, event, HexFormat.of().toHexDigits((int) suffix));
      puts.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(entry)).build());
      previousAt = event.at();
      previousSuffix = suffix;
    }
    return puts;
  }

  /**
   * One TransactWriteItems of the changes (DynamoDB's own, per-lead items), the claim and the
   * entries, in that order, so a cancellation's reasons (one per item, in the order of the items:
   * DynamoDB API reference, TransactWriteItems, CancellationReasons) say which condition failed: a
   * change's is told the item it found (its {@code ALL_OLD}, see {@link DynamoChange#refused}) and
   * answers {@link Joined#REFUSED}; the claim's, or another request writing the claim at that
   * moment (TransactionConflict, as {@link #claimWith} reads it), {@link Joined#CLAIM_TAKEN}. A
   * transaction cancelled only by conflicts wrote nothing and is tried again, as {@link
   * #recordWith} does with several changes. The puts are unconditional and their keys fixed before
   * the request, so the SDK's retry of a transaction that did succeed (same ClientRequestToken)
   * writes no second copy. At most 100 items (DynamoDB's limit per transaction).
   */
  @Override
  public Joined recordJoined(
      String leadId, Optional<String> claim, Change change, List<HistoryEvent> events) {
    List<Change> parts = change instanceof Changes several ? several.changes() : List.of(change);
    if (!parts.stream().allMatch(DynamoChange.class::isInstance)) {
      return LeadHistory.super.recordJoined(leadId, claim, change, events);
    }
    if (parts.isEmpty() && claim.isEmpty()) {
      recordAll(leadId, events);
      return Joined.WRITTEN;
    }
    List<DynamoChange> changes = parts.stream().map(DynamoChange.class::cast).toList();
    List<TransactWriteItem> items = new ArrayList<>();
    changes.forEach(c -> items.add(c.item()));
    claim.ifPresent(action -> items.add(claimItem(leadId, action)));
    items.addAll(entryPuts(leadId, events));
    for (int attempt = 1; ; attempt++) {
      try {
        dynamo.transactWriteItems(r -> r.transactItems(items));
        return Joined.WRITTEN;
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons =
            e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (refused(changes, reasons)) {
          return Joined.REFUSED;
        }
        if (claim.isPresent() && reasons.size() > changes.size()) {
          String code = reasons.get(changes.size()).code();
          if ("ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code)) {
            return Joined.CLAIM_TAKEN;
          }
        }
        if (!conflictOnly(reasons) || attempt >= CONFLICT_ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /** The conditional put of {@link #claim} as an item of a transaction. */
  private TransactWriteItem claimItem(String leadId, String action) {
    return claimItem(table, leadId, action);
  }

  /** The conditional put of {@link #claim} in {@code table}, as an item of a transaction. */
  static TransactWriteItem claimItem(String table, String leadId, String action) {
    PutItemRequest claim = claimPut(table, leadId, action);
    return TransactWriteItem.builder()
        .put(
            p ->
                p.tableName(claim.tableName())
                    .item(claim.item())
                    .conditionExpression(claim.conditionExpression())
                    .expressionAttributeValues(claim.expressionAttributeValues()))
        .build();
  }

  /**
   * One TransactWriteItems: the entry marked withdrawn ({@link #of} leaves it out; the functions
   * have no DeleteItem), {@code instead} put, and the claim released as {@link #release} does. The
   * entry's key is found by a Query of the lead's entries at its instant, which only a refused
   * email costs. An entry not found (written otherwise, or withdrawn already) is left as it is.
   */
  @Override
  public void withdraw(String leadId, HistoryEvent entry, HistoryEvent instead, String claim) {
    List<TransactWriteItem> items = new ArrayList<>();
    keyOf(leadId, entry)
        .ifPresent(
            key ->
                items.add(
                    TransactWriteItem.builder()
                        .update(
                            u ->
                                u.tableName(table)
                                    .key(key)
                                    .updateExpression("SET #withdrawn = :yes")
                                    .conditionExpression("attribute_exists(eventId)")
                                    .expressionAttributeNames(Map.of("#withdrawn", WITHDRAWN))
                                    .expressionAttributeValues(
                                        Map.of(":yes", AttributeValue.fromBool(true))))
                        .build()));
    Map<String, AttributeValue> insteadItem = eventItem(leadId, instead);
    items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(insteadItem)).build());
    items.add(
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(table)
                        .key(claimKey(leadId, claim))
                        .updateExpression(RELEASE)
                        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))))
            .build());
    dynamo.transactWriteItems(r -> r.transactItems(items));
  }

  /**
   * A Query of the lead's entries at the entry's instant for its key, then one UpdateItem of its
   * summary on condition that it is there and not withdrawn; only a retry that finds an email it
   * cannot tell went costs them.
   */
  @Override
  public boolean amend(String leadId, HistoryEvent entry, String summary) {
    Optional<Map<String, AttributeValue>> key = keyOf(leadId, entry);
    if (key.isEmpty()) {
      return false;
    }
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(key.get())
                  .updateExpression("SET summary = :summary")
                  .conditionExpression(
                      "attribute_exists(eventId) AND attribute_not_exists(#withdrawn)")
                  .expressionAttributeNames(Map.of("#withdrawn", WITHDRAWN))
                  .expressionAttributeValues(Map.of(":summary", AttributeValue.fromS(summary))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * The key of the lead's entry that is {@code entry} (same instant, type and summary), not
   * withdrawn: every key of an entry begins with its instant (see {@link #eventItem}).
   */
  private Optional<Map<String, AttributeValue>> keyOf(String leadId, HistoryEvent entry) {
    return dynamo
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("leadId = :lead AND begins_with(eventId, :at)")
                    .expressionAttributeValues(
                        Map.of(
                            ":lead", AttributeValue.fromS(leadId),
                            ":at", AttributeValue.fromS(SORTABLE.format(entry.at()) + "#")))
                    .consistentRead(true))
        .items()
        .stream()
        .filter(item -> !item.containsKey(WITHDRAWN))
        .filter(
            item -> {
              HistoryEvent found = ItemCodec.fromItem(item, HistoryEvent.class);
              return found.type().equals(entry.type()) && found.summary().equals(entry.summary());
            })
        .findFirst()
        .map(item -> Map.of("leadId", item.get("leadId"), "eventId", item.get("eventId")));
  }

  /**
   * One TransactWriteItems for the claim and a change of DynamoDB's own: the claim (first, so its
   * cancellation reason comes first) is taken only with the change, and the change made only by the
   * claim's taker. Only the claim's condition failing (or another request writing the claim) means
   * "taken already"; the change's condition failing, or throttling, is thrown.
   */
  @Override
  public boolean claimWith(String leadId, String action, Change change) {
    if (!(change instanceof DynamoChange dynamoChange)) {
      return LeadHistory.super.claimWith(leadId, action, change);
    }
    return claimTogether(leadId, action, dynamoChange.item());
  }

  /**
   * One TransactWriteItems of the claim (first, so its cancellation reason comes first) and {@code
   * with}: the claim is taken only with it, and it is written only by the claim's taker. Only the
   * claim's condition failing, or another request writing the claim at that moment
   * (TransactionConflict: a second copy of the step claiming it, or giving it up after a failed
   * send, as a plain claim racing theirs would find; DynamoDB developer guide, "Transaction
   * conflict handling"), means "taken already"; the other item's condition failing, or throttling,
   * is thrown.
   */
  private boolean claimTogether(String leadId, String action, TransactWriteItem with) {
    try {
      dynamo.transactWriteItems(r -> r.transactItems(claimItem(leadId, action), with));
      return true;
    } catch (TransactionCanceledException e) {
      // The reasons come in the order of the items (DynamoDB API reference, TransactWriteItems:
      // CancellationReasons); "None" for an item that was not the cause.
      List<CancellationReason> reasons =
          e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
      if (!reasons.isEmpty()
          && ("ConditionalCheckFailed".equals(reasons.get(0).code())
              || "TransactionConflict".equals(reasons.get(0).code()))) {
        return false;
      }
      throw e;
    }
  }

  /** The item {@link #record} writes for {@code event}, for a store that writes it with more. */
  static Map<String, AttributeValue> eventItem(String leadId, HistoryEvent event) {
    byte[] suffix = new byte[4];
    RANDOM.nextBytes(suffix);
    return eventItem(leadId, event, HexFormat.of().formatHex(suffix));
  }

  /**
   * The item of {@code event} under a key a later try of the step can work out again: {@code name}
   * in place of the random suffix, so that a store can change or withdraw the entry without reading
   * it first (see {@link #key}).
   *
   * @param name unique among the lead's entries at the event's instant; not hexadecimal digits only
   *     (those are random suffixes, as {@link #recordAll}'s consecutive ones are)
   */
  static Map<String, AttributeValue> eventItem(String leadId, HistoryEvent event, String name) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(ItemCodec.toItem(event));
    item.putAll(key(leadId, event.at(), name));
    return item;
  }

  /** The key of the entry {@link #eventItem(String, HistoryEvent, String)} writes. */
  static Map<String, AttributeValue> key(String leadId, java.time.Instant at, String name) {
    return Map.of(
        "leadId", AttributeValue.fromS(leadId),
        "eventId", AttributeValue.fromS(SORTABLE.format(at) + "#" + name));
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
        // An entry written before the step's email and withdrawn when the email was refused (see
        // DynamoOfferStore#unsent) records nothing that happened.
        .filter(item -> !item.containsKey(WITHDRAWN))
        .map(item -> ItemCodec.fromItem(item, HistoryEvent.class))
        .toList();
  }

  /**
   * The claim and the entry in one TransactWriteItems (both per-lead items), so a writer that loses
   * the claim writes nothing and the winner's entry cannot be lost between two requests.
   */
  @Override
  public boolean recordOnce(String leadId, String action, HistoryEvent event) {
    Map<String, AttributeValue> entry = eventItem(leadId, event);
    return claimTogether(
        leadId,
        action,
        TransactWriteItem.builder().put(p -> p.tableName(table).item(entry)).build());
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
                .key(claimKey(leadId, action))
                .updateExpression(RELEASE)
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
  }

  /** The update of {@link #release}, for a store that gives a claim up in a transaction. */
  static final String RELEASE = "SET released = :yes";

  /** The key of the claim on {@code action}. */
  static Map<String, AttributeValue> claimKey(String leadId, String action) {
    return Map.of(
        "leadId", AttributeValue.fromS(leadId), "eventId", AttributeValue.fromS(CLAIM + action));
  }
}
