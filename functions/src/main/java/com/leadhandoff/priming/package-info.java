/**
 * SnapStart priming: work a function does once before Lambda snapshots its initialized version
 * ({@code org.crac} {@code beforeCheckpoint}), so that a restored function answers its first
 * request as a warm one. Priming never sends a request or writes anything.
 */
package com.leadhandoff.priming;
