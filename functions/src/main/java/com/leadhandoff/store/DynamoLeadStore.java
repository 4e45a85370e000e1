package com.leadhandoff.store;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadArchive;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.scoring.Score;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Leads in the DynamoDB table {@code LeadsTable}, one item per lead keyed by {@code leadId}. */
public final class DynamoLeadStore implements LeadStore, LeadArchive {
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
  public boolean create(Lead lead) {
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(ItemCodec.toItem(lead))
                  .conditionExpression("attribute_not_exists(leadId)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void saveScore(String leadId, Score score, LeadStatus status) {
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(key(leadId))
                .conditionExpression("attribute_exists(leadId)")
                .updateExpression("SET score = :score, #status = :status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(
                    Map.of(
                        ":score", ItemCodec.attribute(score),
                        ":status", AttributeValue.fromS(status.name()))));
  }

  @Override
  public void setStatus(String leadId, LeadStatus status) {
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(key(leadId))
                .conditionExpression("attribute_exists(leadId)")
                .updateExpression("SET #status = :status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(status.name()))));
  }

  @Override
  public boolean claimOwner(String leadId, Owner owner, LeadStatus status) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(key(leadId))
                  .conditionExpression("attribute_exists(leadId) AND attribute_not_exists(#owner)")
                  .updateExpression("SET #owner = :owner, #status = :status")
                  .expressionAttributeNames(Map.of("#owner", "owner", "#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":owner", ItemCodec.attribute(owner),
                          ":status", AttributeValue.fromS(status.name()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key(String leadId) {
    return Map.of("leadId", AttributeValue.fromS(leadId));
  }
}
