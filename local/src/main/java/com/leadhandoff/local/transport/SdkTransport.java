package com.leadhandoff.local.transport;

import java.util.Locale;

/**
 * How the functions' SDK clients reach the runtime's own services (DynamoDB engine, Step Functions,
 * SES, EventBridge, the API): {@code --sdk-transport in-process|socket}.
 */
public enum SdkTransport {
  /**
   * Handed to the service's request handler in this JVM, no socket (the default): the same
   * requests, answers and metering, at a quarter of the CPU of an HTTP round trip.
   */
  IN_PROCESS,
  /** Over HTTP on localhost through the URL-connection client, as on Lambda. */
  SOCKET;

  /** The option's value: {@code in-process} or {@code socket}. */
  public String option() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The transport an option value names.
   *
   * @throws IllegalArgumentException naming the values there are
   */
  public static SdkTransport of(String option) {
    for (SdkTransport transport : values()) {
      if (transport.option().equals(option)) {
        return transport;
      }
    }
    throw new IllegalArgumentException(
        "--sdk-transport needs in-process or socket, got '" + option + "'");
  }
}
