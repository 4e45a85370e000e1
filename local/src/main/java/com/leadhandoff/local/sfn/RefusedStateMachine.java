package com.leadhandoff.local.sfn;

/**
 * A state machine of the template that the local runtime could not create: the rest of the template
 * runs, and this one is named wherever someone would look for it (the start-up log, the UI, the
 * error of a StartExecution on its ARN).
 *
 * @param stateMachineArn the ARN it would have had
 * @param logicalId its resource id in template.yaml
 * @param problem why it was refused, e.g. every problem of an invalid definition
 */
public record RefusedStateMachine(String stateMachineArn, String logicalId, String problem) {}
