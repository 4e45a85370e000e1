package com.leadhandoff.local.asl.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * One attempt at a Task state, decided before its Lambda runs so that it is saved first: a restart
 * that finds it unfinished invokes the task again with the same token and deadline.
 *
 * @param token the task token of a {@code .waitForTaskToken} task; empty for other tasks
 * @param startedAt when the attempt started; a callback task's TimeoutSeconds counts from here
 */
record TaskAttempt(Optional<TaskToken> token, Instant startedAt) {}
