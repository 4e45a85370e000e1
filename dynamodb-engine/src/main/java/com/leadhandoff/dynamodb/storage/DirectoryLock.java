package com.leadhandoff.dynamodb.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code dataDir/lock}, so two engines never write one folder. SQLite would
 * let two processes share the database, but each engine holds its tables in memory and would never
 * see the other's writes, so a second opener must be refused, not merely serialised.
 *
 * <p>The operating system releases the lock when the process dies, however it dies, so a crash
 * never leaves a stale lock behind; the file itself may stay and is harmless.
 */
final class DirectoryLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DirectoryLock acquire(Path dataDir) {
    Path file = dataDir.resolve("lock");
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StoreException("cannot create the lock file " + file + ": " + e.getMessage(), e);
    }
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // Java's file locks are per process, so the holder is this very JVM.
        throw new StoreException(
            dataDir + " is already open in this process (" + file + " is locked)");
      }
      if (lock == null) {
        throw new StoreException(
            dataDir
                + " is in use by another process ("
                + file
                + " is locked"
                + holder(channel)
                + ")");
      }
      // Who holds it, for whoever finds the folder refused; only written once the lock is ours.
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
      return new DirectoryLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StoreException("cannot lock " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /** ", held by process N" from what the holder wrote, or nothing if that cannot be read. */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      String pid =
          new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
      return pid.matches("\\d+") ? ", held by process " + pid : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Already failing; the first error is the one worth reporting.
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // Closing the channel below releases it too.
    }
    closeQuietly(channel);
  }
}
