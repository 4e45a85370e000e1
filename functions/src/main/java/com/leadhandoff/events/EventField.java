package com.leadhandoff.events;

/**
 * One field of an event's detail, copied from the history event's details.
 *
 * @param name the field's name, the same in the history details and the event detail
 * @param kind how the history's text is written in the event
 * @param required whether every event of the type has it
 */
public record EventField(String name, Kind kind, boolean required) {
  /** The JSON type a field is published as. */
  public enum Kind {
    STRING,
    INTEGER,
    BOOLEAN,
    /** An ISO-8601 instant, JSON Schema's {@code date-time}. */
    INSTANT
  }

  public static EventField text(String name) {
    return new EventField(name, Kind.STRING, true);
  }

  public static EventField optionalText(String name) {
    return new EventField(name, Kind.STRING, false);
  }

  public static EventField integer(String name) {
    return new EventField(name, Kind.INTEGER, true);
  }

  public static EventField flag(String name) {
    return new EventField(name, Kind.BOOLEAN, true);
  }

  public static EventField optionalFlag(String name) {
    return new EventField(name, Kind.BOOLEAN, false);
  }

  public static EventField instant(String name) {
    return new EventField(name, Kind.INSTANT, true);
  }
}
