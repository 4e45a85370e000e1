package com.leadhandoff.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one mapper that reads and writes invocation payloads: a mapper is costly to build and caches
 * the serializers it finds, so one per invocation would cost both on every step; it is thread-safe
 * once configured.
 */
final class PayloadJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private PayloadJson() {}
}
