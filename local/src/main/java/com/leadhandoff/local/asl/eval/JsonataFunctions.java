package com.leadhandoff.local.asl.eval;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.Frame;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash},
 * {@code $random}, {@code $uuid}, {@code $parse}) and its one removal, {@code $eval} (developer
 * guide, "Transforming data with JSONata", "JSONata functions provided by Step Functions").
 */
final class JsonataFunctions {
  /** Beyond this many elements {@code $range} refuses, instead of exhausting memory. */
  static final int MAX_RANGE = 1_000_000;

  private static final Set<String> HASHES = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private JsonataFunctions() {}

  /**
   * Binds the functions into {@code frame}; {@code random} feeds $random() and $uuid(), {@code now}
   * $now() and $millis(), so that they follow the runtime's (possibly virtual) clock.
   */
  static void bind(Frame frame, Random random, Instant now) {
    frame.bind(
        "now",
        Jsonata.function(
            "now",
            (Jsonata.FnVarArgs<Object>)
                args -> {
                  arity("$now", args, 0, 2);
                  return Functions.dateTimeFromMillis(
                      now.toEpochMilli(),
                      args.isEmpty() ? null : (String) args.get(0),
                      args.size() < 2 ? null : (String) args.get(1));
                },
            null));
    frame.bind(
        "millis",
        Jsonata.function(
            "millis",
            (Jsonata.FnVarArgs<Object>)
                args -> {
                  arity("$millis", args, 0, 0);
                  return now.toEpochMilli();
                },
            null));
    frame.bind("partition", Jsonata.function("partition", JsonataFunctions::partition, null));
    frame.bind("range", Jsonata.function("range", JsonataFunctions::range, null));
    frame.bind("hash", Jsonata.function("hash", JsonataFunctions::hash, null));
    frame.bind("parse", Jsonata.function("parse", JsonataFunctions::parse, null));
    frame.bind(
        "random",
        Jsonata.function("random", (Jsonata.FnVarArgs<Object>) args -> random(args, random), null));
    frame.bind(
        "uuid",
        Jsonata.function(
            "uuid",
            (Jsonata.FnVarArgs<Object>)
                args -> {
                  arity("$uuid", args, 0, 0);
                  return new UUID(
                          (random.nextLong() & ~0xF000L) | 0x4000L,
                          (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                      .toString();
                },
            null));
    frame.bind(
        "eval",
        Jsonata.function(
            "eval",
            (Jsonata.FnVarArgs<Object>)
                args -> {
                  throw new IllegalArgumentException(
                      "The function $eval is not available in Step Functions; use $parse");
                },
            null));
  }

  /** {@code $partition(array, size)}: the array cut into arrays of {@code size} elements. */
  private static Object partition(List<?> args) {
    arity("$partition", args, 2, 2);
    List<?> array = list("$partition", args.get(0));
    int size = positiveInteger("$partition", args.get(1), "size");
    List<Object> parts = new ArrayList<>();
    for (int i = 0; i < array.size(); i += size) {
      parts.add(new ArrayList<>(array.subList(i, Math.min(array.size(), i + size))));
    }
    return parts;
  }

  /** {@code $range(start, end, step)}: start, start+step, … up to and including end. */
  private static Object range(List<?> args) {
    arity("$range", args, 3, 3);
    long start = integer("$range", args.get(0), "start");
    long end = integer("$range", args.get(1), "end");
    long step = integer("$range", args.get(2), "step");
    if (step == 0) {
      throw new IllegalArgumentException("$range: the step must not be 0");
    }
    List<Object> values = new ArrayList<>();
    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
      if (values.size() >= MAX_RANGE) {
        throw new IllegalArgumentException(
            "$range: the range has more than " + MAX_RANGE + " elements");
      }
      values.add(v);
    }
    return values;
  }

  /** {@code $hash(value, algorithm)}: the hex digest of a string. */
  private static Object hash(List<?> args) {
    arity("$hash", args, 2, 2);
    if (!(args.get(0) instanceof String value)) {
      throw new IllegalArgumentException("$hash: the value to hash must be a string");
    }
    Object algorithm = args.get(1);
    if (!(algorithm instanceof String name) || !HASHES.contains(name)) {
      throw new IllegalArgumentException(
          "$hash: the algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(name).digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code $parse(text)}: the JSON value a string holds. */
  private static Object parse(List<?> args) {
    arity("$parse", args, 1, 1);
    if (!(args.get(0) instanceof String text)) {
      throw new IllegalArgumentException("$parse: the argument must be a string");
    }
    return JsonataValues.toJava(
        Json.tryParse(text)
            .orElseThrow(
                () -> new IllegalArgumentException("$parse: the argument is not valid JSON")));
  }

  /** {@code $random([seed])}: a number from 0 (included) to 1 (excluded); a seed repeats it. */
  private static Object random(List<?> args, Random random) {
    arity("$random", args, 0, 1);
    if (args.isEmpty() || args.get(0) == null) {
      return random.nextDouble();
    }
    return new Random(integer("$random", args.get(0), "seed")).nextDouble();
  }

  private static void arity(String function, List<?> args, int min, int max) {
    if (args.size() < min || args.size() > max) {
      throw new IllegalArgumentException(
          function + " takes " + (min == max ? min : min + " to " + max) + " argument(s)");
    }
  }

  private static List<?> list(String function, Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException(function + ": the first argument must be an array");
  }

  private static long integer(String function, Object value, String what) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw new IllegalArgumentException(function + ": " + what + " must be an integer");
  }

  private static int positiveInteger(String function, Object value, String what) {
    long n = integer(function, value, what);
    if (n <= 0 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(function + ": " + what + " must be a positive integer");
    }
    return (int) n;
  }
}
