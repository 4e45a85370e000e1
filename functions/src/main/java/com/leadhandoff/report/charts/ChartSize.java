package com.leadhandoff.report.charts;

/**
 * The size of a chart image in pixels; every chart of one size has exactly those dimensions.
 *
 * @param width pixels across, 100 to 2000
 * @param height pixels down, 100 to 2000
 */
public record ChartSize(int width, int height) {
  /** Fits a phone screen and an email column (about 600 px wide). */
  public static final ChartSize EMAIL = new ChartSize(560, 300);

  public ChartSize {
    if (width < 100 || width > 2000 || height < 100 || height > 2000) {
      throw new IllegalArgumentException(
          "A chart is 100 to 2000 pixels each way, was " + width + "x" + height);
    }
  }
}
