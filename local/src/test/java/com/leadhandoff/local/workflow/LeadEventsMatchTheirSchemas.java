package com.leadhandoff.local.workflow;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test whose leads published an event that breaks its schema in {@code schemas/events/},
 * right after it runs. Registered for every test of this module through JUnit's extension
 * auto-detection ({@code junit-platform.properties}, {@code META-INF/services}); a test that never
 * started the shared runtime has no events to check.
 */
public final class LeadEventsMatchTheirSchemas implements AfterEachCallback {
  @Override
  public void afterEach(ExtensionContext context) {
    LeadHandoffRuntime.checkEventsIfStarted(
        context.getTestClass().map(Class::getSimpleName).orElse("a test")
            + " "
            + context.getDisplayName());
  }
}
