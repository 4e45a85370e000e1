package com.leadhandoff.store;

import com.leadhandoff.routing.Capacity;
import com.leadhandoff.routing.Rep;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * A load item per rep in {@code RepsTable}, keyed {@code load#<repId>} (no {@code teamId}, so it
 * stays out of the team index): {@code openOffers}, and {@code leadsThatDay} counted on {@code
 * day}. Every change is one conditional write; the counts are kept for reps without caps too, so a
 * cap added later starts from the truth.
 */
public final class DynamoCapacity implements Capacity {
  private static final AttributeValue ONE = AttributeValue.fromN("1");
  private static final String LOAD = "load#";

  private final DynamoDbClient dynamo;
  private final String repsTable;

  public DynamoCapacity(DynamoDbClient dynamo, String repsTable) {
    this.dynamo = dynamo;
    this.repsTable = repsTable;
  }

  @Override
  public Optional<String> reserve(Rep rep, LocalDate day) {
    return reserve(rep, day, true);
  }

  /**
   * One conditional UpdateItem takes both counts: today's when the load item was read on today
   * ({@code dayStarted}), else the day's start. Refused, it returns the item
   * (ReturnValuesOnConditionCheckFailure=ALL_OLD, DynamoDB API reference, UpdateItem), which says
   * whether a cap is reached or the other write fits (another router started the day, or the hint
   * was from before a day's change), with no read. The conditions alone decide: the hint only
   * chooses which write goes first.
   */
  @Override
  public Optional<String> reserve(Rep rep, LocalDate day, boolean dayStarted) {
    String today = day.toString();
    Optional<Map<String, AttributeValue>> refused =
        dayStarted ? takeBoth(rep, today) : startDay(rep, today);
    if (refused.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> load = refused.get();
    boolean sameDay = load.containsKey("day") && today.equals(load.get("day").s());
    boolean offersFull =
        rep.maxOpenOffers().isPresent()
            && load.containsKey("openOffers")
            && Long.parseLong(load.get("openOffers").n()) >= rep.maxOpenOffers().get();
    if (!offersFull) {
      if (!dayStarted && sameDay && takeBoth(rep, today).isEmpty()) {
        return Optional.empty();
      }
      if (dayStarted && !sameDay && startDay(rep, today).isEmpty()) {
        return Optional.empty();
      }
    }
    // A cap is reached, or another router changed the item meanwhile: count step by step, which
    // also names the cap.
    return reserveStepwise(rep, day);
  }

  /**
   * The rep and the day the load item's count of leads belongs to, if it is a load item with one
   * (as {@link DynamoDirectory#roster} reads it).
   */
  static Optional<Map.Entry<String, String>> loadDay(Map<String, AttributeValue> item) {
    String id = item.get("repId").s();
    AttributeValue day = item.get("day");
    return id.startsWith(LOAD) && day != null && day.s() != null
        ? Optional.of(Map.entry(id.substring(LOAD.length()), day.s()))
        : Optional.empty();
  }

  /**
   * ADD openOffers and leadsThatDay on the load item of today, under the caps.
   *
   * @return empty when taken; else the item as it was (empty map: none yet)
   */
  private Optional<Map<String, AttributeValue>> takeBoth(Rep rep, String today) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":one", ONE);
    values.put(":today", AttributeValue.fromS(today));
    String condition = "#day = :today";
    if (rep.maxOpenOffers().isPresent()) {
      values.put(":offerCap", number(rep.maxOpenOffers().get()));
      condition += " AND (attribute_not_exists(openOffers) OR openOffers < :offerCap)";
    }
    if (rep.maxLeadsPerDay().isPresent()) {
      values.put(":dayCap", number(rep.maxLeadsPerDay().get()));
      condition += " AND leadsThatDay < :dayCap";
    }
    return conditional(rep.repId(), "ADD openOffers :one, leadsThatDay :one", condition, values);
  }

  /**
   * The rep's first lead of a day: the offer counted and the day's count started at one.
   *
   * @return empty when taken; else the item as it was (empty map: none yet)
   */
  private Optional<Map<String, AttributeValue>> startDay(Rep rep, String today) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":one", ONE);
    values.put(":today", AttributeValue.fromS(today));
    // ISO dates compare as text in date order; a router with a slower clock never rewinds the day.
    String condition = "(attribute_not_exists(#day) OR #day < :today)";
    if (rep.maxOpenOffers().isPresent()) {
      values.put(":offerCap", number(rep.maxOpenOffers().get()));
      condition += " AND (attribute_not_exists(openOffers) OR openOffers < :offerCap)";
    }
    return conditional(
        rep.repId(),
        "ADD openOffers :one SET #day = :today, leadsThatDay = :one",
        condition,
        values);
  }

  private Optional<Map<String, AttributeValue>> conditional(
      String repId, String update, String condition, Map<String, AttributeValue> values) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(repsTable)
                  .key(key(repId))
                  .updateExpression(update)
                  .conditionExpression(condition)
                  .expressionAttributeNames(Map.of("#day", "day"))
                  .expressionAttributeValues(values)
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Optional.empty();
    } catch (ConditionalCheckFailedException e) {
      return Optional.of(e.item() == null ? Map.of() : e.item());
    }
  }

  /** The open offer, then the lead of the day, each its own conditional write. */
  private Optional<String> reserveStepwise(Rep rep, LocalDate day) {
    if (!takeOpenOffer(rep)) {
      return Optional.of(
          "at maxOpenOffers (" + rep.maxOpenOffers().orElseThrow() + " offers open)");
    }
    if (!takeLeadOfDay(rep, day.toString())) {
      // Undo the first half: a reservation is both counts or neither.
      release(rep.repId());
      return Optional.of(
          "at maxLeadsPerDay (" + rep.maxLeadsPerDay().orElseThrow() + " leads on " + day + ")");
    }
    return Optional.empty();
  }

  @Override
  public void release(String repId) {
    // Offers made before counting began were never taken; the floor of zero keeps them from
    // making room for an extra offer.
    update(
        repId,
        "ADD openOffers :minusOne",
        "openOffers > :zero",
        Map.of(":minusOne", AttributeValue.fromN("-1"), ":zero", AttributeValue.fromN("0")));
  }

  @Override
  public Set<String> withCredit(List<String> repIds) {
    if (repIds.isEmpty()) {
      return Set.of();
    }
    // One BatchGetItem reads every rep's load (a team of more than 100 reps takes a request per
    // 100, and keys left unprocessed are asked again).
    List<Map<String, AttributeValue>> keys = repIds.stream().map(DynamoCapacity::key).toList();
    Set<String> credited = new HashSet<>();
    new BatchReads(dynamo, BatchReads.Pause.SLEEP)
        .get(repsTable, keys)
        .forEach(item -> creditedRep(item).ifPresent(credited::add));
    return credited;
  }

  /** Whether the item of the reps table is a load item, whatever else it holds. */
  static boolean isLoad(Map<String, AttributeValue> item) {
    return item.get("repId").s().startsWith(LOAD);
  }

  /** The rep whose load item this is, if it holds a credited turn. */
  static Optional<String> creditedRep(Map<String, AttributeValue> item) {
    AttributeValue credits = item.get("credits");
    String id = item.get("repId").s();
    return id.startsWith(LOAD) && credits != null && Long.parseLong(credits.n()) > 0
        ? Optional.of(id.substring(LOAD.length()))
        : Optional.empty();
  }

  @Override
  public boolean useCredit(String repId, String leadId) {
    return update(
        repId,
        "ADD credits :minusOne SET creditLead = :lead",
        "credits > :zero",
        Map.of(
            ":minusOne", AttributeValue.fromN("-1"),
            ":zero", AttributeValue.fromN("0"),
            ":lead", AttributeValue.fromS(leadId)));
  }

  @Override
  public void refundCredit(String repId) {
    update(repId, "ADD credits :one", null, Map.of(":one", ONE));
  }

  @Override
  public void credit(String repId, String leadId) {
    update(
        repId,
        "ADD credits :one",
        "(attribute_not_exists(credits) OR credits < :one)"
            + " AND (attribute_not_exists(creditLead) OR creditLead <> :lead)",
        Map.of(":one", ONE, ":lead", AttributeValue.fromS(leadId)));
  }

  /** Open offers and the rep's counts, for tests and reports. */
  public Map<String, AttributeValue> load(String repId) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(repsTable).key(key(repId)).consistentRead(true)).item();
    return item == null ? Map.of() : item;
  }

  private boolean takeOpenOffer(Rep rep) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":one", ONE);
    Optional<String> condition = Optional.empty();
    if (rep.maxOpenOffers().isPresent()) {
      values.put(":cap", number(rep.maxOpenOffers().get()));
      condition = Optional.of("attribute_not_exists(openOffers) OR openOffers < :cap");
    }
    return update(rep.repId(), "ADD openOffers :one", condition.orElse(null), values);
  }

  /**
   * Counts one more lead today. The count belongs to the day stored beside it, so a new day first
   * restarts it at one; each step is conditional, and a racing restart only sends us round once
   * more, after which the day is surely today's.
   */
  private boolean takeLeadOfDay(Rep rep, String today) {
    Map<String, AttributeValue> same = new HashMap<>();
    same.put(":one", ONE);
    same.put(":today", AttributeValue.fromS(today));
    String sameDay = "#day = :today";
    if (rep.maxLeadsPerDay().isPresent()) {
      same.put(":cap", number(rep.maxLeadsPerDay().get()));
      sameDay += " AND leadsThatDay < :cap";
    }
    Map<String, AttributeValue> fresh = Map.of(":one", ONE, ":today", AttributeValue.fromS(today));
    // ISO dates compare as text in date order; a router with a slower clock never rewinds the day.
    String newDay = "attribute_not_exists(#day) OR #day < :today";
    String addOne = "ADD leadsThatDay :one";
    String restart = "SET #day = :today, leadsThatDay = :one";
    return updateDay(rep.repId(), addOne, sameDay, same)
        || updateDay(rep.repId(), restart, newDay, fresh)
        || updateDay(rep.repId(), addOne, sameDay, same);
  }

  private boolean updateDay(
      String repId, String update, String condition, Map<String, AttributeValue> values) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(repsTable)
                  .key(key(repId))
                  .updateExpression(update)
                  .conditionExpression(condition)
                  .expressionAttributeNames(Map.of("#day", "day"))
                  .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private boolean update(
      String repId, String update, String condition, Map<String, AttributeValue> values) {
    try {
      dynamo.updateItem(
          r -> {
            r.tableName(repsTable)
                .key(key(repId))
                .updateExpression(update)
                .expressionAttributeValues(values);
            if (condition != null) {
              r.conditionExpression(condition);
            }
          });
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** The key of the rep's load item. */
  static Map<String, AttributeValue> key(String repId) {
    return Map.of("repId", AttributeValue.fromS(LOAD + repId));
  }

  private static AttributeValue number(long n) {
    return AttributeValue.fromN(Long.toString(n));
  }
}
