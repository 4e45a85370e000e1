package com.leadhandoff.local.asl.model;

import java.util.Optional;

/** A validated state machine: its top-level program and the execution timeout, if any. */
public record StateMachineDefinition(Program program, Optional<Integer> timeoutSeconds) {}
