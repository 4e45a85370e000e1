package com.leadhandoff.store;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.scoring.Score;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Leads in the DynamoDB table {@code LeadsTable}, one item per lead keyed by {@code leadId}. */
public final class DynamoLeadStore implements LeadStore {
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
