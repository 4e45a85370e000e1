package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow variables one run of states sees (developer guide, "Passing data between states with
 * variables"). The top level of an execution has one scope; each Parallel branch — and each Map
 * iteration, through {@link #child()} — runs in a scope of its own that reads the outer scopes but
 * cannot assign their variables, and whose own variables vanish when it ends.
 *
 * <p>Only the execution's interpreter touches a scope, one signal at a time, so it needs no locks.
 */
public final class Variables {
  /** The largest value one variable may hold: 256 KiB of JSON text. */
  public static final int MAX_VALUE_BYTES = 256 * 1024;

  /** The most one Assign field may set at once: 256 KiB of JSON text. */
  public static final int MAX_ASSIGN_BYTES = 256 * 1024;

  /** The most all variables of an execution may hold together: 10 MiB of JSON text. */
  public static final int MAX_TOTAL_BYTES = 10 * 1024 * 1024;

  private final Optional<Variables> outer;
  private final Map<String, JsonNode> own = new LinkedHashMap<>();

  private Variables(Optional<Variables> outer) {
    this.outer = outer;
  }

  /** A new, empty top-level scope. */
  public static Variables root() {
    return new Variables(Optional.empty());
  }

  /** A top-level scope holding what {@link #saved()} returned before a restart. */
  public static Variables restore(JsonNode saved) {
    Variables variables = root();
    if (saved != null && saved.isObject()) {
      saved.fields().forEachRemaining(e -> variables.own.put(e.getKey(), e.getValue()));
    }
    return variables;
  }

  /**
   * The scope of a Parallel branch or a Map iteration started from this one: it reads every
   * variable visible here; it may not assign them.
   */
  public Variables child() {
    return new Variables(Optional.of(this));
  }

  /**
   * The scope of a Parallel branch or Map iteration restored after a restart: a {@link #child()} of
   * this scope holding what its {@link #saved()} returned.
   */
  public Variables restoreChild(JsonNode saved) {
    Variables variables = child();
    if (saved != null && saved.isObject()) {
      saved.fields().forEachRemaining(e -> variables.own.put(e.getKey(), e.getValue()));
    }
    return variables;
  }

  /** The value of variable {@code name} in this scope or an outer one. */
  public Optional<JsonNode> get(String name) {
    JsonNode value = own.get(name);
    if (value != null) {
      return Optional.of(value);
    }
    return outer.flatMap(o -> o.get(name));
  }

  /** Every visible variable, inner ones hiding nothing (an inner scope cannot rebind a name). */
  public Map<String, JsonNode> visible() {
    Map<String, JsonNode> all = new LinkedHashMap<>();
    outer.ifPresent(o -> all.putAll(o.visible()));
    all.putAll(own);
    return all;
  }

  /** This scope's own variables, as a snapshot keeps them. */
  public ObjectNode saved() {
    ObjectNode node = Json.object();
    own.forEach(node::set);
    return node;
  }

  /**
   * Sets every value of one Assign together (they were all evaluated against the values from
   * before). Fails with States.Runtime, changing nothing, when a name belongs to an outer scope or
   * a size limit is passed.
   */
  public void assign(Map<String, JsonNode> values) {
    check(values);
    own.putAll(values);
  }

  /** Fails as {@link #assign} would, without assigning anything. */
  public void check(Map<String, JsonNode> values) {
    long assignBytes = 0;
    for (Map.Entry<String, JsonNode> entry : values.entrySet()) {
      String name = entry.getKey();
      if (!own.containsKey(name) && outer.flatMap(o -> o.get(name)).isPresent()) {
        throw new StatesError(
            ErrorNames.RUNTIME,
            "Cannot assign the variable '"
                + name
                + "': it belongs to an outer scope, which a Parallel branch or Map iteration can"
                + " only read.");
      }
      int bytes = size(entry.getValue());
      if (bytes > MAX_VALUE_BYTES) {
        throw tooLarge(
            "The value assigned to the variable '" + name + "' is " + bytes + " bytes",
            MAX_VALUE_BYTES);
      }
      assignBytes += bytes;
    }
    if (assignBytes > MAX_ASSIGN_BYTES) {
      throw tooLarge(
          "The variables of one Assign field add up to " + assignBytes + " bytes",
          MAX_ASSIGN_BYTES);
    }
    Map<String, JsonNode> after = new LinkedHashMap<>(own);
    after.putAll(values);
    long total = outerBytes();
    for (JsonNode value : after.values()) {
      total += size(value);
    }
    if (total > MAX_TOTAL_BYTES) {
      throw tooLarge(
          "The execution's variables would add up to " + total + " bytes", MAX_TOTAL_BYTES);
    }
  }

  private long outerBytes() {
    if (outer.isEmpty()) {
      return 0;
    }
    long total = 0;
    for (JsonNode value : outer.get().visible().values()) {
      total += size(value);
    }
    return total;
  }

  private static int size(JsonNode value) {
    return Json.write(value).getBytes(StandardCharsets.UTF_8).length;
  }

  // The developer guide lists these limits under "Passing data between states with variables".
  private static StatesError tooLarge(String what, int limit) {
    return new StatesError(
        ErrorNames.RUNTIME, what + ", which exceeds the limit of " + limit + " bytes.");
  }
}
