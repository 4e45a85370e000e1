package com.leadhandoff.intake;

/**
 * One reason a submission was refused.
 *
 * @param field the field as the client named it ({@code email}, {@code utm_source}, {@code
 *     Idempotency-Key}…)
 * @param problem what is wrong, phrased to follow the field name ("is required")
 */
public record FieldError(String field, String problem) {}
