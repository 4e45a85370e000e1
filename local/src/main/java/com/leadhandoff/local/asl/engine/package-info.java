/**
 * The Step Functions engine of the local runtime: state machines, executions, history, task tokens
 * and the interpreter that runs a definition against an injected {@code RuntimeClock}.
 */
package com.leadhandoff.local.asl.engine;
