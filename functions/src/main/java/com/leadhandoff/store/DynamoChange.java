package com.leadhandoff.store;

import com.leadhandoff.history.Change;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A change to a DynamoDB item that {@link DynamoLeadHistory} can write in one TransactWriteItems
 * with the history entry recording it.
 *
 * @param item the change as an item of a transaction (its condition included)
 * @param alone the same change as a request of its own: false when its condition refused it
 * @param refused told, when this change's condition cancels a transaction, the item the condition
 *     found: the CancellationReason's {@code Item}, given when the action asks for it with {@code
 *     ReturnValuesOnConditionCheckFailure=ALL_OLD} (DynamoDB API Reference, CancellationReason),
 *     empty otherwise
 */
public record DynamoChange(
    TransactWriteItem item, BooleanSupplier alone, Consumer<Map<String, AttributeValue>> refused)
    implements Change {

  /** A change that needs to know nothing of what refused it. */
  public DynamoChange(TransactWriteItem item, BooleanSupplier alone) {
    this(item, alone, found -> {});
  }

  @Override
  public boolean make() {
    return alone.getAsBoolean();
  }
}
