package com.leadhandoff.local.asl.engine;

import java.time.Instant;

/** What StartExecution returns. */
public record StartedExecution(String executionArn, Instant startDate) {}
