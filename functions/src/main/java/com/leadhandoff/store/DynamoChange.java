package com.leadhandoff.store;

import com.leadhandoff.history.Change;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A change to a DynamoDB item that {@link DynamoLeadHistory} can write in one TransactWriteItems
 * with the history entry recording it.
 *
 * @param item the change as an item of a transaction (its condition included)
 * @param alone the same change as a request of its own: false when its condition refused it
 */
public record DynamoChange(TransactWriteItem item, BooleanSupplier alone) implements Change {
  @Override
  public boolean make() {
    return alone.getAsBoolean();
  }
}
