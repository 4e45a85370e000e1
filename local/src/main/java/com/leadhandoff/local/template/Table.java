package com.leadhandoff.local.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DynamoDB table the template declares.
 *
 * @param logicalId the resource's logical id
 * @param name the table name ({@code TableName}, or the logical id)
 * @param attributes attribute name → type ({@code S}, {@code N}, {@code B}) of the key attributes
 * @param keySchema the primary key
 * @param globalSecondaryIndexes the table's global secondary indexes
 * @param localSecondaryIndexes the table's local secondary indexes
 * @param ttlAttribute the attribute holding the expiry time, when TTL is enabled
 */
public record Table(
    String logicalId,
    String name,
    Map<String, String> attributes,
    List<Key> keySchema,
    List<Index> globalSecondaryIndexes,
    List<Index> localSecondaryIndexes,
    Optional<String> ttlAttribute) {

  /**
   * One key attribute.
   *
   * @param attributeName the attribute
   * @param keyType {@code HASH} or {@code RANGE}
   */
  public record Key(String attributeName, String keyType) {}

  /**
   * A secondary index.
   *
   * @param name the index name
   * @param keySchema its key
   * @param projectionType {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}
   * @param nonKeyAttributes the attributes projected by {@code INCLUDE}
   */
  public record Index(
      String name, List<Key> keySchema, String projectionType, List<String> nonKeyAttributes) {}

  /** The table's ARN as other resources see it locally. */
  public String arn() {
    return LocalNames.tableArn(name);
  }
}
