/**
 * Figures and findings computed from a recording: role lanes, availability, leader changes with
 * their evidence, the summary table, and plain-word findings. Internal to the reports module.
 */
package io.stormglass.report.internal.analysis;
