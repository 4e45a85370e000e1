package com.leadhandoff.metrics;

/** Where the product's metrics go: CloudWatch through Embedded Metric Format, or nowhere. */
public interface LeadMetrics {
  /** Emits {@code measurement}; never throws, since a metric must not fail the step. */
  void publish(Measurement measurement);

  /** Metrics that go nowhere, for functions and tests that do not measure. */
  LeadMetrics NONE = measurement -> {};
}
