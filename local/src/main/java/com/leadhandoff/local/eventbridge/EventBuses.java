package com.leadhandoff.local.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.leadhandoff.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The event buses that exist locally and every event put on them, oldest first. In a data folder
 * each event is appended as one JSON line to a log, read back on the next start, so the events page
 * survives a restart as the leads do. Listeners hear each event after it is kept.
 */
public final class EventBuses {
  /** Every account has a bus named {@code default}. */
  public static final String DEFAULT = "default";

  private final Set<String> names;
  private final Optional<Path> log;
  private final List<BusEvent> events = new ArrayList<>();
  private final List<Consumer<BusEvent>> listeners = new CopyOnWriteArrayList<>();

  private EventBuses(Set<String> names, Optional<Path> log) {
    this.names = Set.copyOf(names);
    this.log = log;
  }

  /** Buses kept in memory only. */
  public static EventBuses inMemory(Set<String> customBuses) {
    return new EventBuses(withDefault(customBuses), Optional.empty());
  }

  /** Buses whose events are appended to {@code log}, with the events already in it. */
  public static EventBuses persistedIn(Path log, Set<String> customBuses) {
    EventBuses buses = new EventBuses(withDefault(customBuses), Optional.of(log));
    if (Files.exists(log)) {
      try {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          // A line cut short by a crash while it was written is the only partial one: skip it.
          if (!line.isBlank() && line.endsWith("}")) {
            buses.events.add(BusEvent.read(Json.MAPPER.readTree(line)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the events in " + log, e);
      }
    }
    return buses;
  }

  private static Set<String> withDefault(Set<String> custom) {
    Set<String> all = new java.util.HashSet<>(custom);
    all.add(DEFAULT);
    return all;
  }

  /** Whether a bus of this name exists. */
  public boolean exists(String name) {
    return names.contains(name);
  }

  /** Keeps the event and tells the listeners. */
  void put(BusEvent event) {
    synchronized (this) {
      log.ifPresent(file -> append(file, event));
      events.add(event);
    }
    for (Consumer<BusEvent> listener : listeners) {
      listener.accept(event);
    }
  }

  /** Every event, newest first. */
  public synchronized List<BusEvent> newestFirst() {
    List<BusEvent> copy = new ArrayList<>(events);
    Collections.reverse(copy);
    return copy;
  }

  /** Calls {@code listener} with each event put from now on, on the thread that put it. */
  public void listen(Consumer<BusEvent> listener) {
    listeners.add(listener);
  }

  /** Whether anything listens to the events, such as a webhook forwarder. */
  public boolean forwarding() {
    return !listeners.isEmpty();
  }

  /** Forgets every event, as a fresh start would (for tests that share a runtime). */
  public synchronized void clear() {
    events.clear();
    log.ifPresent(
        file -> {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static void append(Path file, BusEvent event) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (BufferedWriter out =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE)) {
        out.write(Json.MAPPER.writeValueAsString(event.stored()));
        out.write('\n');
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the event in " + file, e);
    }
  }
}
