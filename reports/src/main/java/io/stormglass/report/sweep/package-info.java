/**
 * What a parameter sweep needs from the reports module: the figures of one run reduced to the
 * numbers a sweep compares ({@link io.stormglass.report.sweep.RunFigures}), the sweep charts
 * (heatmap, Pareto front, failover CDF) written as PNG and SVG ({@link io.stormglass.report.sweep.SweepCharts}),
 * and the page that shows them ({@link io.stormglass.report.sweep.SweepPage}).
 */
package io.stormglass.report.sweep;
