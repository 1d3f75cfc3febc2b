package org.tributary.itests.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tributary.itests.support.VitalsSeries.Metric;
import org.tributary.itests.support.VitalsSeries.Sample;

/** Draws {@link VitalsSeries} as a PNG: one panel per metric, one time axis, a line marking the warm-up's end. */
public final class VitalsChart {

    private static final int WIDTH = 1000;
    private static final int PANEL_HEIGHT = 150;

    private VitalsChart() {
    }

    /** Writes the chart of {@code series} titled {@code title} to {@code png}, without a display (headless AWT). */
    public static void write(VitalsSeries series, String title, double warmUpSeconds, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        NumberAxis time = new NumberAxis("seconds");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(8);
        for (Metric metric : Metric.values()) {
            plot.add(panel(series, metric, warmUpSeconds));
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(png.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, PANEL_HEIGHT * Metric.values().length + 60);
    }

    private static XYPlot panel(VitalsSeries series, Metric metric, double warmUpSeconds) {
        XYSeries points = new XYSeries(metric.label());
        for (Sample sample : series.samples()) {
            points.add(sample.seconds(), metric.of(sample.vitals()));
        }
        NumberAxis values = new NumberAxis(metric.label());
        values.setAutoRangeIncludesZero(true);
        values.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
        XYPlot panel = new XYPlot(new XYSeriesCollection(points), null, values, line);
        panel.setBackgroundPaint(Color.WHITE);
        panel.setRangeGridlinePaint(Color.LIGHT_GRAY);
        panel.setDomainGridlinePaint(Color.LIGHT_GRAY);
        panel.addDomainMarker(new ValueMarker(warmUpSeconds, Color.GRAY, new BasicStroke(1f)));
        return panel;
    }
}
