package com.leadhandoff.dynamodb;

import java.net.URI;

/** The engine's HTTP endpoint: DynamoDB's JSON 1.0 protocol on localhost. */
public interface DynamoDbServer extends AutoCloseable {

  /** The endpoint SDK clients use, e.g. {@code http://localhost:8000}. */
  URI endpoint();

  /** The port listened on. */
  int port();

  /** Stops serving (the engine stays open). */
  @Override
  void close();
}
