package com.leadhandoff.metrics;

/**
 * One value of one of the product's CloudWatch metrics.
 *
 * @param name which metric
 * @param value seconds for {@link Name#TIME_TO_ACCEPT}, a count of 1 for the others
 */
public record LeadMetric(Name name, double value) {

  /** The metrics Lead Handoff emits, with the name and unit CloudWatch shows. */
  public enum Name {
    /** From receipt to a rep's acceptance, in the working time of the rep's team. */
    TIME_TO_ACCEPT("TimeToAccept", Unit.SECONDS),
    /** An offer answered (accepted or declined) by its deadline. */
    SLA_MET("SlaMet", Unit.COUNT),
    /** An offer left unanswered past its deadline. */
    SLA_BREACHED("SlaBreached", Unit.COUNT),
    /** A lead handed to a manager because no rep accepted it. */
    ESCALATED("Escalated", Unit.COUNT),
    /** A lead put in the fallback queue because no rep could be offered it. */
    QUEUED("Queued", Unit.COUNT),
    /** A lead parked as NEEDS_ATTENTION (a failed step, or the watchdog): a person must take it. */
    LEADS_PARKED("LeadsParked", Unit.COUNT);

    private final String metricName;
    private final Unit unit;

    Name(String metricName, Unit unit) {
      this.metricName = metricName;
      this.unit = unit;
    }

    /** The name in CloudWatch. */
    public String metricName() {
      return metricName;
    }

    public Unit unit() {
      return unit;
    }
  }

  /** The CloudWatch units these metrics use. */
  public enum Unit {
    SECONDS,
    COUNT
  }

  /** A count of one {@code name}. */
  public static LeadMetric one(Name name) {
    return new LeadMetric(name, 1);
  }
}
