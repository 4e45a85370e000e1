package com.leadhandoff.intake;

import java.util.Optional;

/**
 * A {@code POST /leads} request as intake needs it, independent of how it arrived.
 *
 * @param contentType the {@code Content-Type} header, if sent
 * @param idempotencyKey the {@code Idempotency-Key} header, if sent
 * @param body the body as received; may be empty, never null
 * @param base64Encoded whether {@code body} is base64 (API Gateway's encoding of form bodies)
 */
public record IntakeRequest(
    Optional<String> contentType,
    Optional<String> idempotencyKey,
    String body,
    boolean base64Encoded) {

  public IntakeRequest {
    body = body == null ? "" : body;
  }
}
