package com.leadhandoff.local.api;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reached the local API.
 *
 * @param method the HTTP method
 * @param rawPath the path, still URL-encoded
 * @param rawQuery the query string without {@code ?}, still URL-encoded ({@code ""} when none)
 * @param headers header name (any case) → each value as sent
 * @param body the request body (empty when none)
 * @param sourceIp the client's address
 * @param protocol e.g. {@code HTTP/1.1}
 */
record ApiRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String sourceIp,
    String protocol) {}
