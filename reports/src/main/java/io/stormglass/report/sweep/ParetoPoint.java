package io.stormglass.report.sweep;

/**
 * One swept setting on the trade-off chart.
 *
 * @param label            the setting, such as {@code 100ms/1s}
 * @param spuriousPerHour  spurious leader changes per hour
 * @param failoverMs       failover time in milliseconds (the median over the trials)
 * @param onFront          whether no other setting is at least as good on both and better on one
 * @param recommended      whether it is the recommended setting
 */
public record ParetoPoint(String label, double spuriousPerHour, double failoverMs, boolean onFront, boolean recommended) {
}
