package com.leadhandoff.store;

import com.leadhandoff.deliverability.EmailFeedback;
import com.leadhandoff.deliverability.LeadFlags;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Sets {@code prospectEmailBounced} or {@code prospectEmailComplained} (the instant) on a lead in
 * {@code LeadsTable}, only if the lead exists; the lead record itself is left as it was.
 */
public final class DynamoLeadFlags implements LeadFlags {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoLeadFlags(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean markProspectAddress(String leadId, EmailFeedback.Kind kind, Instant at) {
    String attribute =
        kind == EmailFeedback.Kind.BOUNCE ? "prospectEmailBounced" : "prospectEmailComplained";
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(Map.of("leadId", AttributeValue.fromS(leadId)))
                  .updateExpression("SET #a = :at")
                  .conditionExpression("attribute_exists(leadId)")
                  .expressionAttributeNames(Map.of("#a", attribute))
                  .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))));
      return true;
    } catch (ConditionalCheckFailedException noSuchLead) {
      return false;
    }
  }
}
