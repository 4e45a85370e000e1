package com.leadhandoff.local.asl.engine;

import java.time.Instant;

/** A created state machine, as DescribeStateMachine reports it. */
public record StateMachineInfo(
    String stateMachineArn, String name, String definition, String roleArn, Instant creationDate) {}
