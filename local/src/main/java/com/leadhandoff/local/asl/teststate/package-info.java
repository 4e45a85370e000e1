/**
 * TestState: runs the definition of one state on an input, without a state machine, and reports
 * what the state did (its output or error, the state it would go to next, and at DEBUG the steps of
 * its input and output processing), as the TestState API reference describes.
 */
package com.leadhandoff.local.asl.teststate;
