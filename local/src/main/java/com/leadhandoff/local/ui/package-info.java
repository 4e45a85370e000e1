/**
 * The local runtime's small web UI under {@code /_local/}: a demo lead form, the outbox with
 * clickable links, and the executions with their history. Server-rendered, every value escaped.
 */
package com.leadhandoff.local.ui;
