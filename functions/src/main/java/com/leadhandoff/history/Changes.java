package com.leadhandoff.history;

import java.util.List;

/**
 * Several changes that one history entry records, handed to {@link LeadHistory#recordWith} as one:
 * a store able to write them all with the entry does, all or nothing, in one request (intake's
 * keys, lead and RECEIVED entry). Made by hand, they are made in order and the first one refused
 * stops the rest; the ones made before it stay made, so a caller lists them in the order it would
 * make them by hand.
 *
 * @param changes in the order they are made by hand
 */
public record Changes(List<Change> changes) implements Change {
  public Changes {
    changes = List.copyOf(changes);
  }

  @Override
  public boolean make() {
    for (Change change : changes) {
      if (!change.make()) {
        return false;
      }
    }
    return true;
  }
}
