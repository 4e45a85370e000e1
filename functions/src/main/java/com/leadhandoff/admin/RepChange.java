package com.leadhandoff.admin;

import java.time.Instant;

/**
 * One change to a rep made through the admin API, kept so anyone can see who changed what.
 *
 * @param by the caller as API Gateway authenticated it (an IAM user or role ARN)
 * @param what what changed, e.g. {@code paused} or {@code updated: weight 1 → 2}
 */
public record RepChange(Instant at, String by, String what) {}
