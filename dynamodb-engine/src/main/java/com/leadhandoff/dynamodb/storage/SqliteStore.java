package com.leadhandoff.dynamodb.storage;

import java.nio.file.Path;

/** The durable {@link Store}: tables and items in one SQLite database in a folder. */
public final class SqliteStore implements Store {

  private SqliteStore() {}

  /**
   * Opens (creating if missing) the store in {@code dataDir}; refuses a folder another process has
   * open.
   */
  public static SqliteStore open(Path dataDir) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public Snapshot load() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void apply(java.util.List<Change> changes) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void close() {}
}
