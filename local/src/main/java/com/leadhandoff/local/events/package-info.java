/**
 * EventBridge as the local runtime needs it: rules on the default bus matched by event pattern
 * ({@link com.leadhandoff.local.events.EventPattern}), the Step Functions "Execution Status Change"
 * events the engine emits ({@link com.leadhandoff.local.events.ExecutionStatusEvents}), and
 * EventBridge Scheduler rate schedules on the runtime clock ({@link
 * com.leadhandoff.local.events.Schedules}). Nothing here knows Lead Handoff.
 */
package com.leadhandoff.local.events;
