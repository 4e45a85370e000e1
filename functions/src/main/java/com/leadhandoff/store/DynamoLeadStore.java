package com.leadhandoff.store;

import com.leadhandoff.history.Change;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadArchive;
import com.leadhandoff.lead.LeadIndexUnavailableException;
import com.leadhandoff.lead.LeadParkedException;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.outcome.DisqualifyReason;
import com.leadhandoff.outcome.LeadStages;
import com.leadhandoff.outcome.Outcome;
import com.leadhandoff.outcome.OutcomeReport;
import com.leadhandoff.outcome.Stage;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.watchdog.WatchedLeads;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Leads in the DynamoDB table {@code LeadsTable}, one item per lead keyed by {@code leadId}.
 * Besides the record's fields an item carries {@code emailKey} (the address lower-cased) and {@code
 * emailDomain}, the keys of the indexes {@code byEmail} and {@code byEmailDomain}, both sorted by
 * {@code receivedAt}: how a duplicate finds its open lead and a colleague the rep who owns their
 * company, without a scan. While a lead's status is open it also carries {@code openStatus}, the
 * key of the sparse index {@code byOpenStatus} the watchdog reads.
 *
 * <p>Once an outcome was recorded an item also carries its stage ({@link LeadStages}): {@code
 * stage}, {@code stageReason}, {@code stageAt} and {@code stageAtMillis} (numbers compare where ISO
 * strings of different precision do not), and per outcome the instant the lead first reached it
 * ({@code sqlAt}, {@code meetingAt}…, from the first outcome of that stage recorded), so a report
 * reads stage velocity from the item alone.
 */
public final class DynamoLeadStore implements LeadStore, LeadArchive, WatchedLeads, LeadStages {
  static final String BY_EMAIL = "byEmail";
  static final String BY_OPEN_STATUS = "byOpenStatus";

  /**
   * The sparse key of {@link #BY_OPEN_STATUS}: the status while it is open (RECEIVED, ROUTING),
   * removed by the write that makes it final, so the index holds only leads a workflow still has to
   * move on and the watchdog reads them without a scan.
   */
  static final String OPEN_STATUS = "openStatus";

  static final String BY_EMAIL_DOMAIN = "byEmailDomain";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoLeadStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Lead> find(String leadId) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).key(key(leadId)).consistentRead(true)).item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(ItemCodec.fromItem(item, Lead.class));
  }

  @Override
  public List<Lead> receivedBetween(LocalDate from, LocalDate to) {
    // receivedAt is an ISO-8601 UTC instant, so text order is time order and a day's instants all
    // sort between its date and the next day's; a dry run is rare enough for a filtered scan.
    return dynamo
        .scanPaginator(
            r ->
                r.tableName(table)
                    .filterExpression("receivedAt >= :from AND receivedAt < :after")
                    .expressionAttributeValues(
                        Map.of(
                            ":from", AttributeValue.fromS(from.toString()),
                            ":after", AttributeValue.fromS(to.plusDays(1).toString())))
                    .consistentRead(true))
        .items()
        .stream()
        .map(item -> ItemCodec.fromItem(item, Lead.class))
        .sorted(Comparator.comparing(Lead::receivedAt).thenComparing(Lead::leadId))
        .toList();
  }

  @Override
  public Change creation(Lead lead) {
    Map<String, AttributeValue> item = newItem(lead);
    return new DynamoChange(
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(leadId)"))
            .build(),
        () -> create(lead));
  }

  private Map<String, AttributeValue> newItem(Lead lead) {
    Map<String, AttributeValue> item = new HashMap<>(ItemCodec.toItem(lead));
    item.put("emailKey", AttributeValue.fromS(emailKey(lead.submission().email())));
    item.put("emailDomain", AttributeValue.fromS(lead.submission().emailDomain()));
    if (lead.status().isOpen()) {
      item.put(OPEN_STATUS, AttributeValue.fromS(lead.status().name()));
    }
    return item;
  }

  @Override
  public boolean create(Lead lead) {
    Map<String, AttributeValue> item = newItem(lead);
    try {
      dynamo.putItem(
          r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(leadId)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void saveScore(String leadId, Score score, LeadStatus status) {
    if (!statusUpdate(
        leadId,
        EXISTS_NOT_PARKED,
        "SET score = :score, #status = :status" + openStatus(status),
        Map.of(),
        Map.of(
            ":score", ItemCodec.attribute(score),
            ":status", AttributeValue.fromS(status.name()),
            ":parked", PARKED))) {
      throw refusal(leadId, status);
    }
  }

  private static Map<String, AttributeValue> scoreValues(Score score, LeadStatus status) {
    return Map.of(
        ":score", ItemCodec.attribute(score),
        ":status", AttributeValue.fromS(status.name()),
        ":parked", PARKED);
  }

  private static String scoreUpdate(LeadStatus status) {
    return "SET score = :score, #status = :status" + openStatus(status);
  }

  @Override
  public Change firstScoring(String leadId, Score score, LeadStatus status) {
    return new DynamoChange(
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(table)
                        .key(key(leadId))
                        .conditionExpression(FIRST_SCORE)
                        .updateExpression(scoreUpdate(status))
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(scoreValues(score, status)))
            .build(),
        () -> saveFirstScore(leadId, score, status));
  }

  @Override
  public boolean saveFirstScore(String leadId, Score score, LeadStatus status) {
    if (statusUpdate(
        leadId, FIRST_SCORE, scoreUpdate(status), Map.of(), scoreValues(score, status))) {
      return true;
    }
    // Refused: read why (only a retry, a race or a parked lead gets here).
    Optional<Lead> lead = find(leadId);
    if (lead.flatMap(Lead::score).isPresent()) {
      return false;
    }
    throw lead.isPresent()
        ? new LeadParkedException(leadId, status)
        : new IllegalStateException("Lead " + leadId + " is not stored");
  }

  @Override
  public void setStatus(String leadId, LeadStatus status) {
    boolean parking = status == LeadStatus.NEEDS_ATTENTION;
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":status", AttributeValue.fromS(status.name()));
    if (!parking) {
      values.put(":parked", PARKED);
    }
    if (!statusUpdate(
        leadId,
        parking ? "attribute_exists(leadId)" : EXISTS_NOT_PARKED,
        "SET #status = :status" + openStatus(status),
        Map.of(),
        values)) {
      throw refusal(leadId, status);
    }
  }

  /**
   * A parked lead (NEEDS_ATTENTION) waits for a person: a step of a workflow that was still running
   * when the watchdog parked it must not move it back into the flow.
   */
  private static final String EXISTS_NOT_PARKED = "attribute_exists(leadId) AND #status <> :parked";

  /** A lead that can take a score and has none: a second try of scoring it is refused. */
  private static final String FIRST_SCORE = EXISTS_NOT_PARKED + " AND attribute_not_exists(score)";

  private static final AttributeValue PARKED =
      AttributeValue.fromS(LeadStatus.NEEDS_ATTENTION.name());

  /** Why a move to {@code wanted} was refused: the lead is parked, or it does not exist. */
  private RuntimeException refusal(String leadId, LeadStatus wanted) {
    return find(leadId).isPresent()
        ? new LeadParkedException(leadId, wanted)
        : new IllegalStateException("Lead " + leadId + " is not stored");
  }

  /**
   * One conditional UpdateItem of the lead that sets its status ({@code #status} is always named);
   * false when the condition failed.
   */
  private boolean statusUpdate(
      String leadId,
      String condition,
      String update,
      Map<String, String> moreNames,
      Map<String, AttributeValue> values) {
    Map<String, String> names = new HashMap<>(moreNames);
    names.put("#status", "status");
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(key(leadId))
                  .conditionExpression(condition)
                  .updateExpression(update)
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public boolean setStatusIf(String leadId, LeadStatus expected, LeadStatus status) {
    return statusUpdate(
        leadId,
        "#status = :expected",
        "SET #status = :status" + openStatus(status),
        Map.of(),
        Map.of(
            ":status", AttributeValue.fromS(status.name()),
            ":expected", AttributeValue.fromS(expected.name())));
  }

  @Override
  public boolean claimOwner(String leadId, Owner owner, LeadStatus status) {
    return statusUpdate(
        leadId,
        "attribute_exists(leadId) AND attribute_not_exists(#owner) AND #status <> :parked",
        "SET #owner = :owner, #status = :status" + openStatus(status),
        Map.of("#owner", "owner"),
        Map.of(
            ":owner", ItemCodec.attribute(owner),
            ":status", AttributeValue.fromS(status.name()),
            ":parked", PARKED));
  }

  @Override
  public List<Lead> withEmail(String email, Instant since) {
    return indexed(
        BY_EMAIL,
        () ->
            dynamo
                .queryPaginator(
                    r ->
                        r.tableName(table)
                            .indexName(BY_EMAIL)
                            .keyConditionExpression("emailKey = :email AND receivedAt >= :since")
                            .expressionAttributeValues(
                                Map.of(
                                    ":email", AttributeValue.fromS(emailKey(email)),
                                    ":since", AttributeValue.fromS(since.toString())))
                            .scanIndexForward(false))
                .items()
                .stream()
                .map(item -> ItemCodec.fromItem(item, Lead.class))
                .toList());
  }

  @Override
  public List<Lead> fromDomain(String domain, Instant since, Set<LeadStatus> statuses, int limit) {
    if (statuses.isEmpty() || limit < 1) {
      return List.of();
    }
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":domain", AttributeValue.fromS(domain.toLowerCase(Locale.ROOT)));
    values.put(":since", AttributeValue.fromS(since.toString()));
    List<String> names = new java.util.ArrayList<>();
    for (LeadStatus status : statuses) {
      String name = ":s" + names.size();
      values.put(name, AttributeValue.fromS(status.name()));
      names.add(name);
    }
    return indexed(
        BY_EMAIL_DOMAIN,
        () ->
            dynamo
                .queryPaginator(
                    r ->
                        r.tableName(table)
                            .indexName(BY_EMAIL_DOMAIN)
                            .keyConditionExpression(
                                "emailDomain = :domain AND receivedAt >= :since")
                            .filterExpression("#status IN (" + String.join(", ", names) + ")")
                            .expressionAttributeNames(Map.of("#status", "status"))
                            .expressionAttributeValues(values)
                            .scanIndexForward(false))
                .items()
                .stream()
                .limit(limit)
                .map(item -> ItemCodec.fromItem(item, Lead.class))
                .toList());
  }

  /**
   * Runs a query of {@code index}, turning DynamoDB's refusal of an index that does not exist or is
   * still backfilling (a ValidationException naming the index, per the DynamoDB developer guide on
   * adding a global secondary index to an existing table) into {@link
   * LeadIndexUnavailableException}; every other error passes through.
   */
  private static List<Lead> indexed(String index, Supplier<List<Lead>> query) {
    try {
      return query.get();
    } catch (DynamoDbException e) {
      String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if ("ValidationException".equals(code) && message.contains("index")) {
        throw new LeadIndexUnavailableException(index, e);
      }
      throw e;
    }
  }

  @Override
  public boolean markMerged(String leadId, String intoLeadId) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(key(leadId))
                  .conditionExpression(
                      "attribute_exists(leadId) AND attribute_not_exists(#owner)"
                          + " AND (attribute_not_exists(mergedInto) OR mergedInto = :into)")
                  .updateExpression(
                      "SET #status = :status, mergedInto = :into" + openStatus(LeadStatus.MERGED))
                  .expressionAttributeNames(Map.of("#owner", "owner", "#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":status", AttributeValue.fromS(LeadStatus.MERGED.name()),
                          ":into", AttributeValue.fromS(intoLeadId))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public List<Lead> inStatus(LeadStatus status, Instant receivedBefore) {
    if (!status.isOpen()) {
      return List.of();
    }
    return indexed(
        BY_OPEN_STATUS,
        () ->
            dynamo
                .queryPaginator(
                    r ->
                        r.tableName(table)
                            .indexName(BY_OPEN_STATUS)
                            .keyConditionExpression("openStatus = :status AND receivedAt < :before")
                            .expressionAttributeValues(
                                Map.of(
                                    ":status", AttributeValue.fromS(status.name()),
                                    ":before", AttributeValue.fromS(receivedBefore.toString()))))
                .items()
                .stream()
                .map(item -> ItemCodec.fromItem(item, Lead.class))
                .toList());
  }

  @Override
  public Optional<Stage> stage(String leadId) {
    return attributes(leadId, "stage, stageReason, stageAt")
        .filter(item -> item.containsKey("stage"))
        .map(
            item ->
                new Stage(
                    Outcome.valueOf(item.get("stage").s()),
                    Optional.ofNullable(item.get("stageReason"))
                        .map(r -> DisqualifyReason.valueOf(r.s())),
                    Instant.parse(item.get("stageAt").s())));
  }

  @Override
  public StageWrite advance(String leadId, OutcomeReport report) {
    Map<String, String> names = new HashMap<>();
    names.put("#status", "status");
    names.put("#reached", report.outcome().reachedAttribute());
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":stage", AttributeValue.fromS(report.outcome().name()));
    values.put(":at", AttributeValue.fromS(report.at().toString()));
    values.put(":millis", AttributeValue.fromN(Long.toString(report.at().toEpochMilli())));
    int n = 0;
    StringBuilder owned = new StringBuilder();
    for (LeadStatus status : LeadStages.OWNED) {
      owned.append(n == 0 ? "" : ", ").append(":owned").append(n);
      values.put(":owned" + n++, AttributeValue.fromS(status.name()));
    }
    report.reason().ifPresent(r -> values.put(":reason", AttributeValue.fromS(r.name())));
    String same =
        "stage = :stage AND "
            + (report.reason().isPresent()
                ? "stageReason = :reason"
                : "attribute_not_exists(stageReason)");
    String isOwned = "attribute_exists(leadId) AND #status IN (" + owned + ")";
    String reached = "#reached = if_not_exists(#reached, :at)";
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(key(leadId))
                  .conditionExpression(
                      isOwned
                          + " AND NOT ("
                          + same
                          + ") AND (attribute_not_exists(stageAtMillis)"
                          + " OR stageAtMillis <= :millis)")
                  .updateExpression(
                      "SET stage = :stage, stageAt = :at, stageAtMillis = :millis, "
                          + reached
                          + (report.reason().isPresent()
                              ? ", stageReason = :reason"
                              : " REMOVE stageReason"))
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(values));
      return StageWrite.MOVED;
    } catch (ConditionalCheckFailedException e) {
      // Which part failed, read back; a change in between only makes the answer as of the read.
      Optional<Map<String, AttributeValue>> item =
          attributes(leadId, "#status, stage, stageReason");
      if (item.isEmpty()) {
        return StageWrite.NO_LEAD;
      }
      LeadStatus status = LeadStatus.valueOf(item.get().get("status").s());
      if (!LeadStages.OWNED.contains(status)) {
        return StageWrite.NOT_OWNED;
      }
      boolean isSame =
          item.get().containsKey("stage")
              && report.outcome().name().equals(item.get().get("stage").s())
              && report
                  .reason()
                  .map(Enum::name)
                  .equals(
                      Optional.ofNullable(item.get().get("stageReason")).map(AttributeValue::s));
      if (isSame) {
        return StageWrite.SAME;
      }
      // An older outcome reported late: the stage stays, but a stage never reached before is
      // still noted as reached.
      Map<String, AttributeValue> reachedValues = new HashMap<>(values);
      reachedValues.keySet().removeIf(k -> !k.equals(":at") && !k.startsWith(":owned"));
      try {
        dynamo.updateItem(
            r ->
                r.tableName(table)
                    .key(key(leadId))
                    .conditionExpression(isOwned)
                    .updateExpression("SET " + reached)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(reachedValues));
      } catch (ConditionalCheckFailedException noLongerOwned) {
        // Lost its owner since the read: the outcome is still kept in the history.
      }
      return StageWrite.LATER_STANDS;
    }
  }

  /** The lead item's attributes in {@code projection}, read consistently. */
  private Optional<Map<String, AttributeValue>> attributes(String leadId, String projection) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r -> {
                  r.tableName(table).key(key(leadId)).consistentRead(true);
                  r.projectionExpression(projection);
                  if (projection.contains("#status")) {
                    r.expressionAttributeNames(Map.of("#status", "status"));
                  }
                })
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /**
   * The clause that keeps {@code openStatus} in step with {@code :status} in the same write: set
   * (to the same value) while open, removed once final.
   */
  private static String openStatus(LeadStatus status) {
    return status.isOpen() ? ", " + OPEN_STATUS + " = :status" : " REMOVE " + OPEN_STATUS;
  }

  /** An address as the {@code byEmail} index keys it: letter case does not make another person. */
  static String emailKey(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private static Map<String, AttributeValue> key(String leadId) {
    return Map.of("leadId", AttributeValue.fromS(leadId));
  }
}
