package com.leadhandoff.history;

/**
 * A write to a lead's own records (the lead itself, say) that a history entry records, handed to
 * {@link LeadHistory#recordWith} so that a store able to write both at once does: the entry and the
 * change it records then stand or fall together, in one request.
 */
public interface Change {
  /**
   * Makes the change on its own.
   *
   * @return false when a condition of the change refused it (nothing was changed)
   */
  boolean make();
}
