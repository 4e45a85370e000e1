package com.leadhandoff.local.sfn;

import java.time.Instant;
import java.util.Optional;

/**
 * One execution as DescribeExecution and ListExecutions report it.
 *
 * @param status RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED
 * @param input the execution's input, a JSON document
 * @param output the output, only when it succeeded
 * @param error the error name, only when it failed, timed out or was stopped with one
 */
public record Execution(
    String executionArn,
    String stateMachineArn,
    String name,
    String status,
    Instant startDate,
    Optional<Instant> stopDate,
    String input,
    Optional<String> output,
    Optional<String> error,
    Optional<String> cause) {}
