package com.leadhandoff.local.eventbridge;

/** A request-level EventBridge error, answered as HTTP 400 with its code as {@code __type}. */
final class EventBridgeError extends RuntimeException {
  private final String code;

  EventBridgeError(String code, String message) {
    super(message);
    this.code = code;
  }

  String code() {
    return code;
  }
}
