/**
 * The local runtime's small web UI under {@code /_local/}: a demo lead form, the leads board with
 * SLA states and each lead's timeline, the outbox with clickable links, the executions labelled by
 * outcome, the reps, and the clock bar that pauses, resumes and skips runtime time for a demo.
 * Server-rendered, every value escaped; usable from 390 px wide.
 */
package com.leadhandoff.local.ui;
