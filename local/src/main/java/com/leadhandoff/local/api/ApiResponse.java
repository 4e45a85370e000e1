package com.leadhandoff.local.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response to send.
 *
 * @param status the status code
 * @param headers header lines in order (a name may repeat, e.g. {@code set-cookie})
 * @param body the body bytes
 */
record ApiResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {
  /** A JSON message response the way API Gateway writes its own errors. */
  static ApiResponse message(int status, String message) {
    return new ApiResponse(
        status,
        List.of(Map.entry("content-type", "application/json")),
        ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
