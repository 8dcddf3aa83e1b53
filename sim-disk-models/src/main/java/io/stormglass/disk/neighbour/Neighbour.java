package io.stormglass.disk.neighbour;

/**
 * A background workload that issues I/O to a device on the simulation clock from its own random
 * stream ({@code disk/<name>}). Bursts are marked on the timeline as
 * {@link io.stormglass.engine.timeline.TimelineEvent.ActivityMarked} spans with source
 * {@code <name>}.
 */
public interface Neighbour {
    String name();

    /** Schedules the workload's first events; call once. */
    void start();
}
