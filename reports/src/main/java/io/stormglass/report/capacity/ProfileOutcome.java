package io.stormglass.report.capacity;

import java.util.List;

/**
 * The result of one hardware profile's ramp.
 *
 * @param name                  the profile's name
 * @param description           what hardware it stands for
 * @param steps                 every step run, in increasing offered load
 * @param maxSustainablePerSecond highest achieved throughput of a step meeting the SLO, with every lower step
 *                              meeting it too (0 if even the first step misses it)
 * @param rampExhausted         whether every step met the SLO (the true maximum lies above the ramp's upper bound)
 * @param kneePerSecond         offered load at the knee of the latency curve (NaN with fewer than three steps)
 * @param bottleneck            the resource attributed with the saturation
 * @param bottleneckDetail      why, with the utilisation figures, in words
 * @param disk                  etcd's disk verdict for the WAL device
 * @param baseline              the profile this one is a variation of (for "falls from X to Y" comparisons), or null
 */
public record ProfileOutcome(String name, String description, List<CapacityStep> steps, double maxSustainablePerSecond,
        boolean rampExhausted, double kneePerSecond, Resource bottleneck, String bottleneckDetail, DiskVerdict disk,
        String baseline) implements java.io.Serializable {
    public ProfileOutcome {
        steps = List.copyOf(steps);
    }
}
