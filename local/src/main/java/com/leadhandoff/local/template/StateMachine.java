package com.leadhandoff.local.template;

/**
 * An {@code AWS::Serverless::StateMachine} with its definition read and substituted.
 *
 * @param logicalId the resource's logical id
 * @param name the state machine name ({@code Name}, or the logical id)
 * @param type {@code STANDARD} or {@code EXPRESS}
 * @param definition the Amazon States Language JSON, every {@code ${Key}} substitution applied
 */
public record StateMachine(String logicalId, String name, String type, String definition) {
  /** The state machine's ARN as other resources see it locally. */
  public String arn() {
    return LocalNames.stateMachineArn(name);
  }
}
