/** Comparison of two run folders ({@code stormglass diff}): headline figures, leader changes, first diverging event. */
package io.stormglass.report.diff;
