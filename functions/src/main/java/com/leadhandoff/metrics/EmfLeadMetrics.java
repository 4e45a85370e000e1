package com.leadhandoff.metrics;

import java.util.Map;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/**
 * Lead metrics as Embedded Metric Format lines on standard output, written by Powertools for AWS
 * Lambda; in Lambda, CloudWatch Logs turns each line into metrics. Each measurement is one line
 * with three dimension sets, [team], [tier] and none, so a dashboard can chart per team, per tier
 * and in total without CloudWatch having to sum across dimensions.
 *
 * <p>Uses a fresh Powertools {@link Metrics} per measurement, flushed at once, rather than the
 * {@code @FlushMetrics} aspect (which needs AspectJ weaving of the handler) or the shared {@code
 * MetricsFactory} instance (which the local runtime's concurrent invocations would share): a
 * measurement is written when its fact happens, whichever handler records it.
 */
public final class EmfLeadMetrics implements LeadMetrics {
  /** The namespace when {@code POWERTOOLS_METRICS_NAMESPACE} is not set. */
  public static final String DEFAULT_NAMESPACE = "LeadHandoff";

  static {
    // Outside Lambda (the local runtime, tests) the EMF library would otherwise probe for an EC2 or
    // ECS host and a CloudWatch agent; printing the lines is what the local runtime wants.
    Map<String, String> env = System.getenv();
    if (!env.containsKey("AWS_LAMBDA_FUNCTION_NAME") && !env.containsKey("AWS_EMF_ENVIRONMENT")) {
      try {
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
      } catch (RuntimeException | LinkageError e) {
        System.err.println("Metrics environment not set: " + e);
      }
    }
  }

  private final String namespace;

  /**
   * @param namespace the CloudWatch namespace, {@code POWERTOOLS_METRICS_NAMESPACE} in the template
   */
  public EmfLeadMetrics(String namespace) {
    this.namespace = namespace;
  }

  @Override
  public void publish(Measurement measurement) {
    if (measurement.metrics().isEmpty()) {
      return;
    }
    try {
      Metrics metrics = new EmfMetricsProvider().getMetricsInstance();
      metrics.setNamespace(namespace);
      // Drops the library's own defaults (log group, service name, type), which would otherwise be
      // added to every dimension set and multiply the series.
      metrics.clearDefaultDimensions();
      measurement.team().ifPresent(team -> metrics.addDimension(DimensionSet.of("team", team)));
      measurement.tier().ifPresent(tier -> metrics.addDimension(DimensionSet.of("tier", tier)));
      metrics.addDimension(new DimensionSet());
      for (LeadMetric metric : measurement.metrics()) {
        metrics.addMetric(metric.name().metricName(), metric.value(), unit(metric.name().unit()));
      }
      metrics.flush();
    } catch (RuntimeException | LinkageError e) {
      // A metric is a report's copy of a fact the history already holds: losing one must not
      // fail, and so retry, the step that recorded the fact.
      System.err.println("Metrics not emitted: " + e);
    }
  }

  private static MetricUnit unit(LeadMetric.Unit unit) {
    return unit == LeadMetric.Unit.SECONDS ? MetricUnit.SECONDS : MetricUnit.COUNT;
  }
}
