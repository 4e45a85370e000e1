package com.leadhandoff.dynamodb;

import com.sun.net.httpserver.HttpHandler;
import java.net.URI;

/** The engine's HTTP endpoint: DynamoDB's JSON 1.0 protocol on localhost. */
public interface DynamoDbServer extends AutoCloseable {

  /** The endpoint SDK clients use, e.g. {@code http://localhost:8000}. */
  URI endpoint();

  /** The port listened on. */
  int port();

  /**
   * What the server does with each HTTP exchange: the same parsing, answers, headers, errors and
   * metering, for a caller that serves the protocol without this server's socket (an in-process SDK
   * transport, or another HTTP server mounting it).
   */
  HttpHandler exchangeHandler();

  /** Stops serving (the engine stays open). */
  @Override
  void close();
}
