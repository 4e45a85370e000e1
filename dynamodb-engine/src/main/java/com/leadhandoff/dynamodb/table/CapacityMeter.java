package com.leadhandoff.dynamodb.table;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The capacity units every request consumed, per table (its indexes included), whether or not the
 * request asked for ReturnConsumedCapacity: what an on-demand table would be billed for. A cost
 * model reads it after running a scenario.
 */
public final class CapacityMeter {
  // Half units, so that eventually consistent reads add up exactly.
  private final Map<String, LongAdder[]> halves = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> callsByTable = new ConcurrentHashMap<>();

  /** One table's consumption: read request units and write request units. */
  public record Units(double read, double write) {}

  /** Adds {@code units} read units to {@code table}. */
  public void read(String table, double units) {
    add(table, 0, units);
  }

  /** Adds {@code units} write units to {@code table}. */
  public void write(String table, double units) {
    add(table, 1, units);
  }

  private void add(String table, int kind, double units) {
    halves.computeIfAbsent(table, t -> new LongAdder[] {new LongAdder(), new LongAdder()})[kind]
        .add(Math.round(units * 2));
  }

  /** Every table's units so far, by table name. */
  public Map<String, Units> totals() {
    Map<String, Units> out = new TreeMap<>();
    halves.forEach((t, h) -> out.put(t, new Units(h[0].sum() / 2.0, h[1].sum() / 2.0)));
    return out;
  }

  /** Counts one request of {@code operation} (PutItem, Query…), valid or not. */
  public void call(String operation) {
    calls.computeIfAbsent(operation, o -> new LongAdder()).increment();
  }

  /**
   * Counts one request of {@code operation} on {@code tables} (the tables it names, comma-separated
   * for a transaction or batch), besides {@link #call(String)}.
   */
  public void call(String operation, String tables) {
    call(operation);
    callsByTable.computeIfAbsent(operation + " " + tables, o -> new LongAdder()).increment();
  }

  /** How many requests were made of each operation on each table, e.g. {@code PutItem leads}. */
  public Map<String, Long> callsByTable() {
    Map<String, Long> out = new TreeMap<>();
    callsByTable.forEach((key, count) -> out.put(key, count.sum()));
    return out;
  }

  /** How many requests of each operation were made, by operation name. */
  public Map<String, Long> calls() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((operation, count) -> out.put(operation, count.sum()));
    return out;
  }

  /** Forgets what was counted, to measure the next scenario alone. */
  public void reset() {
    halves.clear();
    calls.clear();
    callsByTable.clear();
  }
}
