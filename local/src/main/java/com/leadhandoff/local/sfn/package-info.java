/**
 * A local Step Functions endpoint (awsJson 1.0): the functions' real {@code SfnClient}, pointed
 * here through the SDK's endpoint override, starts and resumes executions of the local engine.
 */
package com.leadhandoff.local.sfn;
