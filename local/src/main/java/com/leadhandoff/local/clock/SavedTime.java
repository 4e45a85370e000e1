package com.leadhandoff.local.clock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The runtime time kept in a file of the data folder, saved several times a second while the
 * runtime runs and once more as it closes, so that a restart (even after {@code kill -9}) never
 * takes the clock back behind deadlines and history already stored.
 */
public final class SavedTime implements AutoCloseable {
  /** How often the time is saved, in real time. */
  static final Duration EVERY = Duration.ofMillis(200);

  private final Path file;
  private final RuntimeClock clock;
  private final ScheduledExecutorService saver;

  private SavedTime(Path file, RuntimeClock clock) {
    this.file = file;
    this.clock = clock;
    this.saver =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "runtime-clock-saver");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts saving {@code clock}'s time to {@code file} until closed. */
  public static SavedTime keep(Path file, RuntimeClock clock) {
    SavedTime saved = new SavedTime(file, clock);
    saved.save();
    saved.saver.scheduleWithFixedDelay(
        saved::saveQuietly, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return saved;
  }

  /** The time saved in {@code file}; empty if there is none (a new data folder). */
  public static Optional<Instant> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(file).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
    } catch (IOException | DateTimeParseException e) {
      throw new IllegalStateException(
          "Cannot read the saved runtime time in "
              + file
              + ": "
              + e.getMessage()
              + "; delete the file to start the clock afresh",
          e);
    }
  }

  /** Writes {@code time} to {@code file}, whole or not at all (write, then rename). */
  static void write(Path file, Instant time) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), "runtime-clock", ".tmp");
      Files.writeString(temp, time + "\n");
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the runtime time to " + file, e);
    }
  }

  private void save() {
    write(file, clock.now());
  }

  private void saveQuietly() {
    try {
      save();
    } catch (RuntimeException e) {
      // A full disk must not stop the clock; the next save, or the one at close, tries again.
      System.err.println(e.getMessage());
    }
  }

  @Override
  public void close() {
    saver.shutdownNow();
    try {
      saver.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    save();
  }
}
