package com.leadhandoff.dynamodb.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The durable {@link Store}: tables and items in one SQLite database, {@code dynamodb.sqlite}, in a
 * folder that also holds the {@code lock} file and, while open, SQLite's {@code -wal} and {@code
 * -shm} files.
 *
 * <p>Durability comes from SQLite's write-ahead log: a transaction is committed once its frames and
 * a commit frame are in the log; after a crash SQLite replays the log up to the last complete
 * commit and ignores anything after it, so each {@link #apply} is there whole or not at all. With
 * {@code synchronous=NORMAL} ({@link Durability#PROCESS_CRASH}) the log is not synced at commit,
 * only at checkpoints: the committed frames sit in the operating system's page cache, which
 * outlives the process, so a {@code kill -9} loses nothing acknowledged; only the machine going
 * down can. {@link Durability#POWER_LOSS} uses {@code synchronous=FULL}, syncing at every commit.
 *
 * <p>Writes go through a {@link GroupCommitter}: concurrent {@link #apply} calls share one
 * transaction, written by one thread that owns the writing connection.
 */
public final class SqliteStore implements Store {

  /** The database file's name inside the folder. */
  public static final String DATABASE_FILE = "dynamodb.sqlite";

  /** The layout this code writes, kept in SQLite's {@code user_version}. */
  private static final int SCHEMA_VERSION = 1;

  private static final int MAX_BATCH = 256;

  private final Path database;
  private final DirectoryLock lock;
  private final Connection connection; // used only by the committer's thread once open
  private final Statements statements;
  private final GroupCommitter<List<Change>> committer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SqliteStore(Path database, DirectoryLock lock, Connection connection)
      throws SQLException {
    this.database = database;
    this.lock = lock;
    this.connection = connection;
    this.statements = new Statements(connection);
    this.committer =
        new GroupCommitter<>("sqlite-store-writer " + database, this::write, MAX_BATCH);
  }

  /**
   * Opens (creating if missing) the store in {@code dataDir}, durable against a crash of the
   * process; refuses a folder another process has open.
   */
  public static SqliteStore open(Path dataDir) {
    return open(dataDir, Durability.PROCESS_CRASH);
  }

  /**
   * Opens (creating if missing) the store in {@code dataDir} with the given durability; refuses a
   * folder another process has open.
   */
  public static SqliteStore open(Path dataDir, Durability durability) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
    }
    DirectoryLock lock = DirectoryLock.acquire(dataDir);
    Path database = dataDir.resolve(DATABASE_FILE);
    Connection connection = null;
    try {
      connection = connect(database);
      prepare(connection, durability);
      return new SqliteStore(database, lock, connection);
    } catch (SQLException | RuntimeException e) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      lock.close();
      if (e instanceof StoreException) {
        throw (StoreException) e;
      }
      throw new StoreException("cannot open " + database + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(Path database) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
  }

  /** Sets the connection up for writing and creates or checks the schema. */
  private static void prepare(Connection connection, Durability durability) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // WAL persists in the file; asking again is cheap. Some file systems (network ones) cannot
      // do WAL, and SQLite then quietly stays in another mode, so check the answer.
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode=WAL")) {
        String journal = mode.next() ? mode.getString(1) : "";
        if (!"wal".equalsIgnoreCase(journal)) {
          throw new StoreException(
              "SQLite cannot use write-ahead logging here (journal mode is '" + journal + "')");
        }
      }
      statement.execute(
          "PRAGMA synchronous=" + (durability == Durability.POWER_LOSS ? "FULL" : "NORMAL"));
      // The lock file keeps other writers out; this only covers a moment's checkpoint contention
      // with load()'s reading connection.
      statement.execute("PRAGMA busy_timeout=10000");
      int version;
      try (ResultSet result = statement.executeQuery("PRAGMA user_version")) {
        version = result.next() ? result.getInt(1) : 0;
      }
      if (version > SCHEMA_VERSION) {
        throw new StoreException(
            "the store was written by a newer version (schema "
                + version
                + ", this reads "
                + SCHEMA_VERSION
                + ")");
      }
      statement.execute(
          "CREATE TABLE IF NOT EXISTS tables("
              + "name TEXT NOT NULL PRIMARY KEY, definition TEXT NOT NULL)");
      // WITHOUT ROWID: the items are clustered by (table, key) itself, one b-tree and no second
      // index, so a put is one b-tree write and a table's items are contiguous.
      statement.execute(
          "CREATE TABLE IF NOT EXISTS items("
              + "table_name TEXT NOT NULL, item_key TEXT NOT NULL, item TEXT NOT NULL, "
              + "PRIMARY KEY(table_name, item_key)) WITHOUT ROWID");
      statement.execute("PRAGMA user_version=" + SCHEMA_VERSION);
    }
    // From here on the committer controls transactions explicitly.
    connection.setAutoCommit(false);
  }

  /**
   * Reads everything on a connection of its own: the writer keeps writing meanwhile, and WAL gives
   * this reader a consistent snapshot as of its first read.
   *
   * <p>{@code items} has an entry for every table in {@code tables}, empty if it has no items.
   */
  @Override
  public Snapshot load() {
    try (Connection reader = connect(database)) {
      reader.setAutoCommit(false); // one read transaction, so tables and items agree
      Map<String, String> tables = new HashMap<>();
      Map<String, Map<String, String>> items = new HashMap<>();
      try (Statement statement = reader.createStatement()) {
        try (ResultSet rows = statement.executeQuery("SELECT name, definition FROM tables")) {
          while (rows.next()) {
            tables.put(rows.getString(1), rows.getString(2));
            items.put(rows.getString(1), new HashMap<>());
          }
        }
        try (ResultSet rows =
            statement.executeQuery("SELECT table_name, item_key, item FROM items")) {
          while (rows.next()) {
            items
                .computeIfAbsent(rows.getString(1), table -> new HashMap<>())
                .put(rows.getString(2), rows.getString(3));
          }
        }
      }
      reader.rollback();
      items.replaceAll((table, byKey) -> Collections.unmodifiableMap(byKey));
      return new Snapshot(Collections.unmodifiableMap(tables), Collections.unmodifiableMap(items));
    } catch (SQLException e) {
      throw new StoreException("cannot read " + database + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes {@code changes} durable as one atomic unit; returns once the transaction holding them has
   * committed (possibly shared with other callers' changes).
   *
   * @throws StoreException if they could not be written; then none of them were
   */
  @Override
  public void apply(List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    committer.submit(List.copyOf(changes));
  }

  /** Transactions committed so far (for measuring how well group commit batches). */
  long transactions() {
    return committer.transactions();
  }

  /** Calls to {@link #apply} committed so far. */
  long applied() {
    return committer.written();
  }

  /** On the committer's thread: every member's changes, in order, as one transaction. */
  private void write(List<List<Change>> members) throws SQLException {
    try {
      for (List<Change> changes : members) {
        for (Change change : changes) {
          statements.apply(change);
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof SQLException) {
        throw new SQLException("cannot write to " + database + ": " + e.getMessage(), e);
      }
      throw e;
    }
  }

  /** Writes queued changes, then closes the database and releases the folder. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    committer.close();
    try {
      statements.close();
      connection.close(); // the last connection to close checkpoints the log into the database
    } catch (SQLException e) {
      throw new StoreException("cannot close " + database + ": " + e.getMessage(), e);
    } finally {
      lock.close();
    }
  }

  /** The prepared statements, one per kind of change, reused by every transaction. */
  private static final class Statements implements AutoCloseable {
    private final PreparedStatement putTable;
    private final PreparedStatement dropTableItems;
    private final PreparedStatement dropTable;
    private final PreparedStatement putItem;
    private final PreparedStatement deleteItem;

    Statements(Connection connection) throws SQLException {
      putTable = connection.prepareStatement("INSERT OR REPLACE INTO tables VALUES(?, ?)");
      dropTableItems = connection.prepareStatement("DELETE FROM items WHERE table_name = ?");
      dropTable = connection.prepareStatement("DELETE FROM tables WHERE name = ?");
      putItem = connection.prepareStatement("INSERT OR REPLACE INTO items VALUES(?, ?, ?)");
      deleteItem =
          connection.prepareStatement("DELETE FROM items WHERE table_name = ? AND item_key = ?");
    }

    void apply(Change change) throws SQLException {
      // instanceof rather than a switch over the sealed type: the module targets Java 17.
      if (change instanceof PutItem put) {
        run(putItem, put.table(), put.key(), put.item());
      } else if (change instanceof DeleteItem delete) {
        run(deleteItem, delete.table(), delete.key());
      } else if (change instanceof PutTable put) {
        run(putTable, put.table(), put.definition());
      } else if (change instanceof DropTable drop) {
        run(dropTableItems, drop.table());
        run(dropTable, drop.table());
      } else {
        throw new IllegalArgumentException("unknown change " + change);
      }
    }

    private static void run(PreparedStatement statement, String... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      statement.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement statement :
          List.of(putTable, dropTableItems, dropTable, putItem, deleteItem)) {
        statement.close();
      }
    }
  }
}
