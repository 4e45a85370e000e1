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
  private QuietLogging() {}

  static void apply() {
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
