package com.leadhandoff.local.asl.engine;

import java.time.Instant;
import java.util.Optional;

/** What DescribeExecution returns; output only when succeeded, error/cause when not. */
public record ExecutionDescription(
    String executionArn,
    String stateMachineArn,
    String name,
    ExecutionStatus status,
    Instant startDate,
    Optional<Instant> stopDate,
    String input,
    Optional<String> output,
    Optional<String> error,
    Optional<String> cause) {}
