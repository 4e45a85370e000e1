package com.leadhandoff.local;

/**
 * A part of the local runtime that starts once the core is up: the Step Functions engine and its
 * API endpoint, the SES endpoint and outbox, the web UI. It mounts its HTTP handlers through {@link
 * LocalServices#server()} (under {@link LocalRuntime#STEP_FUNCTIONS_PATH}, {@link
 * LocalRuntime#SES_PATH} or {@link LocalRuntime#UI_PATH}) and is closed, in reverse start order,
 * when the runtime closes.
 *
 * <p>This is the integration point for the state machine interpreter: until it is plugged in here
 * the runtime serves the API and the functions, but no workflow runs.
 */
@FunctionalInterface
public interface LocalExtension {
  /**
   * Starts this part.
   *
   * @param services what the core runtime offers
   * @return what to close when the runtime closes
   * @throws Exception when it cannot start; the runtime then fails to start
   */
  AutoCloseable start(LocalServices services) throws Exception;
}
