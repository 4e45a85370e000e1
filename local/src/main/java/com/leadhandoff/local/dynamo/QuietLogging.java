package com.leadhandoff.local.dynamo;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Keeps DynamoDB Local's start-up banner and its log4j output off the console: the runtime prints
 * what a user needs (the URLs), and errors still surface as exceptions.
 */
final class QuietLogging {
  /** Held so java.util.logging keeps the level (it only keeps loggers weakly). */
  private static final java.util.logging.Logger SQLITE =
      java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

  private QuietLogging() {}

  static void apply() {
    // sqlite4java logs through java.util.logging, e.g. a warning about its version in a fat jar.
    // DynamoDB Local resets its level to WARNING, so a filter does the muting.
    SQLITE.setFilter(record -> false);
    Configurator.setRootLevel(Level.OFF);
    Configurator.setLevel("software.amazon.dynamodb", Level.OFF);
    Configurator.setLevel("com.amazonaws", Level.OFF);
  }

  /** Runs {@code action} with {@code System.out} muted; the engine prints its banner there. */
  static synchronized <T> T silently(Callable<T> action) throws Exception {
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      return action.call();
    } finally {
      System.setOut(out);
    }
  }
}
