package com.leadhandoff.report.charts;

import java.util.Optional;

/**
 * One bar of the compliance-by-week chart.
 *
 * @param label how the week is named under its bar, e.g. {@code 23 Nov}
 * @param share leads accepted within the SLA as a share of the week's leads, 0 to 1; empty for a
 *     week without leads, which is drawn as no bar at all rather than as 0 %
 */
public record WeekCompliance(String label, Optional<Double> share) {
  public WeekCompliance {
    if (share.isPresent() && (share.get() < 0 || share.get() > 1)) {
      throw new IllegalArgumentException("A share is between 0 and 1, was " + share.get());
    }
  }
}
