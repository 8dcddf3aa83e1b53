/**
 * How a capacity study is drawn and explained; not API
 * ({@link io.stormglass.report.capacity.CapacityReport} is).
 * {@link io.stormglass.report.internal.capacity.CapacityHtml} renders the self-contained,
 * XML-well-formed page; {@link io.stormglass.report.internal.capacity.CapacityCharts} draws, against
 * load in requests per second and in the run report's style, the latency percentiles (solid against
 * offered load, dashed against achieved load, so a system falling behind shows as dashed lines bending
 * back), the utilisation of each resource and the profiles' put p99 side by side;
 * {@link io.stormglass.report.internal.capacity.Recommendations} words the advice from each profile's
 * bottleneck, disk verdict and headroom, and across profiles. Its input is the records of
 * {@code report.capacity} alone, drawn with the report's chart and HTML helpers; the same study always
 * gives the same text and the same SVG.
 */
package io.stormglass.report.internal.capacity;
