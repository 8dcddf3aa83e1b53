/**
 * Latency distributions fitted from measurements: fio's JSON report and Prometheus histogram
 * buckets, as quantile curves sampled by inverse transform.
 */
package io.stormglass.disk.fit;
