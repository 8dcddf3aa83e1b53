/**
 * The report's JFreeChart charts and their PNG (2×) and Batik SVG output. Internal to the reports module.
 */
package io.stormglass.report.internal.chart;
