package com.leadhandoff.store;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.offer.DeclineForm;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.offer.OfferStore;
import com.leadhandoff.routing.Capacity;
import com.leadhandoff.sla.SlaFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Offers in {@code OffersTable}: partition {@code leadId}, sort {@code offerId}, index {@code
 * byTokenHash} for the rep's link. Besides the record's own fields an item carries {@code
 * deadlineMillis} (numbers compare where ISO strings of different precision do not) and {@code
 * purgeAt}, the TTL that removes an offer long after it closed; the lead's history keeps the story.
 */
public final class DynamoOfferStore implements OfferStore {
  private static final Duration KEEP = Duration.ofDays(180);
  private static final String TOKEN_INDEX = "byTokenHash";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Capacity capacity;
  private final Optional<String> historyTable;
  private final Optional<String> factsTable;

  public DynamoOfferStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, Capacity.UNLIMITED);
  }

  /**
   * @param capacity given back the rep's open offer whenever one closes (accepted, declined or
   *     expired), once: only the write that closes the offer releases it
   */
  public DynamoOfferStore(DynamoDbClient dynamo, String table, Capacity capacity) {
    this(dynamo, table, capacity, Optional.empty(), Optional.empty());
  }

  private DynamoOfferStore(
      DynamoDbClient dynamo,
      String table,
      Capacity capacity,
      Optional<String> historyTable,
      Optional<String> factsTable) {
    this.capacity = capacity;
    this.dynamo = dynamo;
    this.table = table;
    this.historyTable = historyTable;
    this.factsTable = factsTable;
  }

  /**
   * A store that can also {@link #placeNew} offers: it takes their email's claim in {@code
   * historyTable}, where {@link DynamoLeadHistory} keeps a lead's claims.
   */
  public static DynamoOfferStore withEmailClaims(
      DynamoDbClient dynamo, String table, String historyTable) {
    return withRecords(dynamo, table, historyTable, Optional.empty());
  }

  /**
   * A store that can also {@link #placeRecorded} offers: their email's claim and their history
   * entry go to {@code historyTable}, where {@link DynamoLeadHistory} keeps a lead's history, and
   * the lead's first SLA facts to {@code factsTable}, where {@link DynamoSlaFactsStore} keeps them,
   * if given.
   */
  public static DynamoOfferStore withRecords(
      DynamoDbClient dynamo, String table, String historyTable, Optional<String> factsTable) {
    return new DynamoOfferStore(
        dynamo, table, Capacity.UNLIMITED, Optional.of(historyTable), factsTable);
  }

  @Override
  public void put(Offer offer) {
    Map<String, AttributeValue> item = item(offer);
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(offerId) OR #status = :open")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(Map.of(":open", text(OfferStatus.OPEN.name()))));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException(
          "Offer " + offer.offerId() + " of lead " + offer.leadId() + " was already answered", e);
    }
  }

  /** One {@code TransactWriteItems} of the offer's and the claim's puts (see {@link #place}). */
  @Override
  public Placement placeNew(Offer offer, String claimAction) {
    return place(offer, claimAction, List.of());
  }

  /**
   * {@link #placeNew}'s transaction with two more items: the entry, under the key {@link #entryKey}
   * gives it, and the first facts on condition that the lead has none (see {@link
   * DynamoSlaFactsStore#firstPut}). A transaction cancelled by the facts' condition alone wrote
   * nothing (API Reference, "TransactWriteItems": the actions "are completed atomically so that
   * either all of them succeed, or all of them fail"), and is made again without them: the lead's
   * facts hold more than the offer gives (an outcome reported early), and the caller brings them up
   * to date from the whole history.
   */
  @Override
  public Placement placeRecorded(
      Offer offer, String claimAction, HistoryEvent entry, Optional<SlaFacts> firstFacts) {
    String history = claimsTable();
    if (!entry.at().equals(offer.offeredAt())) {
      throw new IllegalArgumentException(
          "The entry of offer " + offer.offerId() + " must be at the instant it was offered");
    }
    TransactWriteItem entryPut =
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(history)
                        .item(
                            DynamoLeadHistory.eventItem(
                                offer.leadId(), entry, entryName(offer.offerId()))))
            .build();
    if (firstFacts.isPresent() && factsTable.isPresent()) {
      try {
        Placement placed =
            place(
                offer,
                claimAction,
                List.of(
                    entryPut, DynamoSlaFactsStore.firstPut(factsTable.get(), firstFacts.get())));
        return new Placement(placed.placed(), placed.earlier(), placed.placed());
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons =
            e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (reasons.size() != 4 || !failedCondition(reasons.get(3))) {
          throw e;
        }
      }
    }
    return place(offer, claimAction, List.of(entryPut));
  }

  /**
   * One {@code TransactWriteItems} of two puts and {@code more}, the offer's conditional on no
   * offer under its key and the claim's on the claim being free, so that a stored offer always has
   * its claim. Its {@code ReturnValuesOnConditionCheckFailure = ALL_OLD} returns the offer found in
   * the cancellation reason of the offer's put (API Reference, "CancellationReason": "Item in the
   * request which caused the transaction to get cancelled"), so a retried offer step learns of its
   * earlier try without a read first. Each item of a transaction costs two write units instead of
   * one, and the read and the write it replaces cost one unit each.
   *
   * @throws TransactionCanceledException cancelled for another reason than the offer's or the
   *     claim's condition: a conflict with another write of the same items, or a condition of
   *     {@code more}
   */
  private Placement place(Offer offer, String claimAction, List<TransactWriteItem> more) {
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(table)
                        .item(item(offer))
                        .conditionExpression("attribute_not_exists(offerId)")
                        .returnValuesOnConditionCheckFailure(
                            ReturnValuesOnConditionCheckFailure.ALL_OLD))
            .build());
    items.add(DynamoLeadHistory.claimItem(claimsTable(), offer.leadId(), claimAction));
    items.addAll(more);
    try {
      dynamo.transactWriteItems(r -> r.transactItems(items));
      return new Placement(true, Optional.empty());
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons =
          e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
      if (reasons.size() == items.size()
          && failedCondition(reasons.get(0))
          && reasons.get(0).hasItem()) {
        return new Placement(
            false, Optional.of(ItemCodec.fromItem(reasons.get(0).item(), Offer.class)));
      }
      if (reasons.size() == items.size() && failedCondition(reasons.get(1))) {
        return new Placement(false, Optional.empty());
      }
      // A conflict with another write of the same items: nothing was written, and the step's
      // retry finds what the other write left.
      throw e;
    }
  }

  /**
   * One {@code TransactWriteItems}: the claim released (as {@link DynamoLeadHistory#release} does),
   * the entry marked withdrawn, which {@link DynamoLeadHistory#of} leaves out, and the first facts
   * withdrawn on condition that they are still those written (see {@link
   * DynamoSlaFactsStore#withdrawal}). Facts changed since (a report's refresh from the whole
   * history, with the entry in it) make it again without them: they are rebuilt in full at the
   * lead's next fact, the retry's offer.
   */
  @Override
  public void unsent(Offer offer, String claimAction, Optional<SlaFacts> factsWritten) {
    String history = claimsTable();
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(history)
                        .key(DynamoLeadHistory.claimKey(offer.leadId(), claimAction))
                        .updateExpression(DynamoLeadHistory.RELEASE)
                        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))))
            .build());
    items.add(
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(history)
                        .key(entryKey(offer))
                        .updateExpression("SET #withdrawn = :yes")
                        .conditionExpression("attribute_exists(eventId)")
                        .expressionAttributeNames(Map.of("#withdrawn", DynamoLeadHistory.WITHDRAWN))
                        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))))
            .build());
    if (factsWritten.isPresent() && factsTable.isPresent()) {
      try {
        dynamo.transactWriteItems(
            r ->
                r.transactItems(
                    with(
                        items,
                        DynamoSlaFactsStore.withdrawal(factsTable.get(), factsWritten.get()))));
        return;
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons =
            e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (reasons.size() != 3 || !failedCondition(reasons.get(2))) {
          throw e;
        }
      }
    }
    dynamo.transactWriteItems(r -> r.transactItems(items));
  }

  /**
   * One UpdateItem of the entry's summary, on condition that the entry is there and not withdrawn:
   * an entry written after its email, as before offers were stored with it, has another key.
   */
  @Override
  public boolean noteUnconfirmed(Offer offer, String summary) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(claimsTable())
                  .key(entryKey(offer))
                  .updateExpression("SET summary = :summary")
                  .conditionExpression(
                      "attribute_exists(eventId) AND attribute_not_exists(#withdrawn)")
                  .expressionAttributeNames(Map.of("#withdrawn", DynamoLeadHistory.WITHDRAWN))
                  .expressionAttributeValues(Map.of(":summary", text(summary))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** The entry's name in place of a random suffix: "offer", so never hexadecimal digits only. */
  private static String entryName(String offerId) {
    return "offer#" + offerId;
  }

  private static Map<String, AttributeValue> entryKey(Offer offer) {
    return DynamoLeadHistory.key(offer.leadId(), offer.offeredAt(), entryName(offer.offerId()));
  }

  private static List<TransactWriteItem> with(
      List<TransactWriteItem> items, TransactWriteItem more) {
    List<TransactWriteItem> all = new ArrayList<>(items);
    all.add(more);
    return all;
  }

  private String claimsTable() {
    return historyTable.orElseThrow(
        () ->
            new IllegalStateException(
                "This offer store was built without the history table that holds the claims"
                    + " of offer emails: build it with DynamoOfferStore.withEmailClaims"));
  }

  private static boolean failedCondition(CancellationReason reason) {
    return "ConditionalCheckFailed".equals(reason.code());
  }

  @Override
  public Optional<Offer> findByTokenHash(String tokenHash) {
    // The index is eventually consistent; the key it yields is re-read consistently for status.
    return dynamo
        .query(
            r ->
                r.tableName(table)
                    .indexName(TOKEN_INDEX)
                    .keyConditionExpression("tokenHash = :hash")
                    .expressionAttributeValues(Map.of(":hash", text(tokenHash))))
        .items()
        .stream()
        .findFirst()
        .flatMap(item -> find(item.get("leadId").s(), item.get("offerId").s()));
  }

  @Override
  public Optional<Offer> find(String leadId, String offerId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(r -> r.tableName(table).key(key(leadId, offerId)).consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(ItemCodec.fromItem(item, Offer.class));
  }

  @Override
  public List<Offer> forLead(String leadId) {
    return dynamo
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("leadId = :lead")
                    .expressionAttributeValues(Map.of(":lead", text(leadId)))
                    .consistentRead(true))
        .items()
        .stream()
        .map(item -> ItemCodec.fromItem(item, Offer.class))
        .toList();
  }

  @Override
  public boolean accept(String leadId, String offerId, Instant now) {
    return close(leadId, offerId, OfferStatus.ACCEPTED, now, Optional.empty(), true);
  }

  @Override
  public boolean decline(String leadId, String offerId, String reason, Instant now) {
    return close(leadId, offerId, OfferStatus.DECLINED, now, Optional.of(reason), true);
  }

  @Override
  public boolean expire(String leadId, String offerId, Instant now) {
    return close(leadId, offerId, OfferStatus.EXPIRED, now, Optional.empty(), false);
  }

  @Override
  public Reminded remind(String leadId, String offerId, int number, String taskToken) {
    return remindReading(leadId, offerId, number, taskToken).reminded();
  }

  /**
   * One UpdateItem whose {@code ReturnValues = ALL_OLD} gives the offer as it was before the write
   * when it succeeds, and whose {@code ReturnValuesOnConditionCheckFailure = ALL_OLD} gives it when
   * the offer was closed (API Reference, "UpdateItem": it "returns the item attributes for an
   * UpdateItem operation that failed a condition check", at no read units), so a reminder needs no
   * read of the offer after it.
   */
  @Override
  public Reminding remindReading(String leadId, String offerId, int number, String taskToken) {
    Map<String, AttributeValue> old;
    try {
      old =
          dynamo
              .updateItem(
                  r ->
                      r.tableName(table)
                          .key(key(leadId, offerId))
                          .updateExpression("SET taskToken = :token, remindersSent = :number")
                          .conditionExpression("attribute_exists(offerId) AND #status = :open")
                          .expressionAttributeNames(Map.of("#status", "status"))
                          .expressionAttributeValues(
                              Map.of(
                                  ":token", text(taskToken),
                                  ":number", number(number),
                                  ":open", text(OfferStatus.OPEN.name())))
                          .returnValues(ReturnValue.ALL_OLD)
                          .returnValuesOnConditionCheckFailure(
                              ReturnValuesOnConditionCheckFailure.ALL_OLD))
              .attributes();
    } catch (ConditionalCheckFailedException e) {
      return new Reminding(
          Reminded.CLOSED,
          e.hasItem() && !e.item().isEmpty()
              ? Optional.of(ItemCodec.fromItem(e.item(), Offer.class))
              : Optional.empty());
    }
    // The count before this write tells a retried reminder from a first one, in the same write.
    AttributeValue sent = old.get("remindersSent");
    Reminded reminded =
        sent != null && Long.parseLong(sent.n()) >= number ? Reminded.REPEATED : Reminded.FIRST;
    return new Reminding(reminded, Optional.of(ItemCodec.fromItem(old, Offer.class)));
  }

  private boolean close(
      String leadId,
      String offerId,
      OfferStatus status,
      Instant now,
      Optional<String> reason,
      boolean onlyBeforeDeadline) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":open", text(OfferStatus.OPEN.name()));
    values.put(":status", text(status.name()));
    values.put(":now", text(now.toString()));
    String update = "SET #status = :status, answeredAt = :now";
    if (reason.isPresent()) {
      update += ", declineReason = :reason";
      values.put(":reason", text(reason.get()));
    }
    String condition = "#status = :open";
    if (onlyBeforeDeadline) {
      condition += " AND deadlineMillis > :nowMillis";
      values.put(":nowMillis", number(now.toEpochMilli()));
    }
    String expression = update;
    String check = condition;
    Map<String, AttributeValue> closed;
    try {
      closed =
          dynamo
              .updateItem(
                  r ->
                      r.tableName(table)
                          .key(key(leadId, offerId))
                          .updateExpression(expression)
                          .conditionExpression("attribute_exists(offerId) AND " + check)
                          .expressionAttributeNames(Map.of("#status", "status"))
                          .expressionAttributeValues(values)
                          .returnValues(ReturnValue.ALL_NEW))
              .attributes();
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
    // After the close, not in one transaction with it: a crash in between leaves the count one
    // too high, which costs the rep a place under their cap but never lets a cap be exceeded.
    String repId = closed.get("repId").s();
    capacity.release(repId);
    // An offer to the owner of the lead's company took no turn, so it earns none back.
    boolean tookTurn = !closed.containsKey("ownership");
    if (tookTurn
        && (status == OfferStatus.EXPIRED
            || (status == OfferStatus.DECLINED
                && reason.filter(DynamoOfferStore::routes).isPresent()))) {
      // The rep's turn went on a lead they did not end up working; crediting it back keeps the
      // split of leads fair.
      capacity.credit(repId, leadId);
    }
    return true;
  }

  /**
   * Whether a decline sends the lead on to the next rep (not my territory, duplicate, other) rather
   * than back to marketing: stored reasons start with the label of the reason picked.
   */
  private static boolean routes(String reason) {
    return Arrays.stream(DeclineForm.Choice.values())
        .filter(DeclineForm.Choice::recycles)
        .noneMatch(c -> reason.equals(c.label()) || reason.startsWith(c.label() + ": "));
  }

  private static Map<String, AttributeValue> item(Offer offer) {
    Map<String, AttributeValue> item = new HashMap<>(ItemCodec.toItem(offer));
    item.put("deadlineMillis", number(offer.deadline().toEpochMilli()));
    item.put("purgeAt", number(offer.deadline().plus(KEEP).getEpochSecond()));
    return item;
  }

  private static Map<String, AttributeValue> key(String leadId, String offerId) {
    return Map.of("leadId", text(leadId), "offerId", text(offerId));
  }

  private static AttributeValue text(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
