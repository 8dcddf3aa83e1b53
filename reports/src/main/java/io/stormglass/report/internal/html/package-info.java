/** The self-contained, XHTML-compatible {@code report.html} page. Internal to the reports module. */
package io.stormglass.report.internal.html;
