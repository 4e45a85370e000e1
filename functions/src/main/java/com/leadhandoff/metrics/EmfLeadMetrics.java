package com.leadhandoff.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.internal.Validator;

/**
 * Lead metrics as Embedded Metric Format lines on standard output; in Lambda, CloudWatch Logs turns
 * each line into metrics. Each measurement is one line with three dimension sets, [team], [tier]
 * and none, so a dashboard can chart per team, per tier and in total without CloudWatch having to
 * sum across dimensions.
 *
 * <p>The line is the one Powertools' {@code Metrics} (through the aws-embedded-metrics library)
 * printed for the same calls, written here with Jackson's streaming generator: its object mapper
 * and bean serializers cost a function's first request about 500 classes. Powertools still checks
 * the namespace and dimensions ({@link Validator}, same rules and messages), and {@code
 * POWERTOOLS_METRICS_DISABLED=true} still turns metrics off. In Lambda the line carries the
 * library's properties (execution environment, function version, log stream, sampled trace id).
 * EMF: "Specification: Embedded metric format", CloudWatch User Guide (root node {@code _aws} with
 * {@code Timestamp} in epoch milliseconds and {@code CloudWatchMetrics} directives; dimension and
 * metric values as top-level members).
 */
public final class EmfLeadMetrics implements LeadMetrics {
  /** The namespace when {@code POWERTOOLS_METRICS_NAMESPACE} is not set. */
  public static final String DEFAULT_NAMESPACE = "LeadHandoff";

  private static final JsonFactory JSON = new JsonFactory();

  private final String namespace;
  private final Clock clock;

  /**
   * @param namespace the CloudWatch namespace, {@code POWERTOOLS_METRICS_NAMESPACE} in the template
   */
  public EmfLeadMetrics(String namespace) {
    this(namespace, Clock.systemUTC());
  }

  EmfLeadMetrics(String namespace, Clock clock) {
    this.namespace = namespace;
    this.clock = clock;
  }

  @Override
  public void publish(Measurement measurement) {
    if (measurement.metrics().isEmpty() || disabled()) {
      return;
    }
    try {
      System.out.println(line(measurement, System.getenv()));
    } catch (RuntimeException e) {
      // A metric is a report's copy of a fact the history already holds: losing one must not
      // fail, and so retry, the step that recorded the fact.
      System.err.println("Metrics not emitted: " + e);
    }
  }

  /** The EMF document of {@code measurement}, in the environment {@code env}. */
  String line(Measurement measurement, Map<String, String> env) {
    Validator.validateNamespace(namespace);
    Map<String, String> dimensions = new LinkedHashMap<>();
    measurement
        .team()
        .ifPresent(
            team -> {
              Validator.validateDimension("team", team);
              dimensions.put("team", team);
            });
    measurement
        .tier()
        .ifPresent(
            tier -> {
              Validator.validateDimension("tier", tier);
              dimensions.put("tier", tier);
            });
    // One metric given twice keeps both values, as an array (as the library wrote them).
    Map<String, List<Double>> values = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    for (LeadMetric metric : measurement.metrics()) {
      String name = metric.name().metricName();
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(metric.value());
      units.putIfAbsent(
          name, metric.name().unit() == LeadMetric.Unit.SECONDS ? "Seconds" : "Count");
    }
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.writeStartObject();
      out.writeObjectFieldStart("_aws");
      out.writeNumberField("Timestamp", clock.millis());
      out.writeArrayFieldStart("CloudWatchMetrics");
      out.writeStartObject();
      out.writeStringField("Namespace", namespace);
      out.writeArrayFieldStart("Metrics");
      for (Map.Entry<String, String> unit : units.entrySet()) {
        out.writeStartObject();
        out.writeStringField("Name", unit.getKey());
        out.writeStringField("Unit", unit.getValue());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeArrayFieldStart("Dimensions");
      for (String key : dimensions.keySet()) {
        out.writeStartArray();
        out.writeString(key);
        out.writeEndArray();
      }
      out.writeStartArray();
      out.writeEndArray();
      out.writeEndArray();
      out.writeEndObject();
      out.writeEndArray();
      out.writeEndObject();
      for (Map.Entry<String, String> property : lambdaProperties(env).entrySet()) {
        out.writeStringField(property.getKey(), property.getValue());
      }
      for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
        out.writeStringField(dimension.getKey(), dimension.getValue());
      }
      for (Map.Entry<String, List<Double>> metric : values.entrySet()) {
        out.writeFieldName(metric.getKey());
        if (metric.getValue().size() == 1) {
          out.writeNumber(metric.getValue().get(0));
        } else {
          out.writeStartArray();
          for (double value : metric.getValue()) {
            out.writeNumber(value);
          }
          out.writeEndArray();
        }
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  // The aws-embedded-metrics library's Lambda environment (chosen in Lambda unless
  // AWS_EMF_ENVIRONMENT names another) adds these properties to every document.
  private static Map<String, String> lambdaProperties(Map<String, String> env) {
    Map<String, String> properties = new LinkedHashMap<>();
    String override = env.get("AWS_EMF_ENVIRONMENT");
    boolean lambda =
        override == null || override.isBlank()
            ? env.containsKey("AWS_LAMBDA_FUNCTION_NAME")
            : override.equalsIgnoreCase("Lambda");
    if (!lambda) {
      return properties;
    }
    putIfSet(properties, "executionEnvironment", env.get("AWS_EXECUTION_ENV"));
    putIfSet(properties, "functionVersion", env.get("AWS_LAMBDA_FUNCTION_VERSION"));
    putIfSet(properties, "logStreamId", env.get("AWS_LAMBDA_LOG_STREAM_NAME"));
    String trace = env.get("_X_AMZN_TRACE_ID");
    if (trace != null && trace.contains("Sampled=1")) {
      properties.put("traceId", trace);
    }
    return properties;
  }

  private static void putIfSet(Map<String, String> properties, String key, String value) {
    if (value != null) {
      properties.put(key, value);
    }
  }

  private static boolean disabled() {
    return "true".equalsIgnoreCase(System.getenv("POWERTOOLS_METRICS_DISABLED"));
  }
}
