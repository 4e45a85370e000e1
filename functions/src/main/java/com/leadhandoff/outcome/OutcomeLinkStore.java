package com.leadhandoff.outcome;

import java.util.Optional;

/** Where outcome links are kept, keyed by the SHA-256 of their token. */
public interface OutcomeLinkStore {
  /** Stores a new link. */
  void put(OutcomeLink link);

  /** The link whose token hashes to {@code tokenHash}. */
  Optional<OutcomeLink> find(String tokenHash);
}
