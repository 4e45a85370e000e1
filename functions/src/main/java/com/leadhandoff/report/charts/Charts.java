package com.leadhandoff.report.charts;

import com.leadhandoff.report.Funnel;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report charts as PNG images (JFreeChart, drawn headless): compliance by week, the
 * time-to-accept distribution and the funnel. The same bytes go inline into the weekly digest and
 * out of the local Reports page.
 */
public final class Charts {
  static {
    // Lambda and CI have no display: draw into an image buffer only. Set before AWT loads.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final Color BAR = new Color(0x1a, 0x5f, 0xb4);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  // Large enough to read when a phone scales a 560-pixel chart down to its width.
  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private Charts() {}

  /** Bars of the share accepted within the SLA per week, on a 0–100 % axis. */
  public static byte[] complianceByWeek(List<WeekCompliance> weeks, ChartSize size) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (WeekCompliance week : weeks) {
      // A week without leads keeps its place on the axis with no bar, not a misleading 0 %.
      data.addValue(
          week.share().map(s -> s * 100).orElse(null), "accepted within SLA", week.label());
    }
    JFreeChart chart = bars("Accepted within SLA, by week", "%", data);
    NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
    axis.setRange(0, 100);
    return png(chart, size);
  }

  /** A histogram of times to accept, in the bins of {@link TimeToAcceptBuckets}. */
  public static byte[] timeToAccept(List<Long> workingSeconds, ChartSize size) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Map.Entry<String, Integer> bin : TimeToAcceptBuckets.count(workingSeconds).entrySet()) {
      data.addValue(bin.getValue(), "leads", bin.getKey());
    }
    return png(bars("Time to accept (working time)", "leads", data), size);
  }

  /** Leads at each stage of the funnel, MQL to won. */
  public static byte[] funnel(Funnel funnel, ChartSize size) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Funnel.Stage stage : funnel.stages()) {
      data.addValue(stage.leads(), "leads", stage.stage());
    }
    return png(bars("Funnel", "leads", data), size);
  }

  private static JFreeChart bars(String title, String valueAxis, DefaultCategoryDataset data) {
    CategoryPlot plot = new CategoryPlot();
    plot.setDataset(data);
    org.jfree.chart.axis.CategoryAxis domain = new org.jfree.chart.axis.CategoryAxis();
    domain.setTickLabelFont(TICKS);
    plot.setDomainAxis(domain);
    NumberAxis range = new NumberAxis(valueAxis);
    range.setTickLabelFont(TICKS);
    range.setLabelFont(TICKS);
    range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    plot.setRangeAxis(range);
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, BAR);
    renderer.setMaximumBarWidth(0.12);
    plot.setRenderer(renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xd0, 0xd5, 0xdc));
    JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static byte[] png(JFreeChart chart, ChartSize size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, size.width(), size.height());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not encode the chart as PNG", e);
    }
    return out.toByteArray();
  }
}
