package io.stormglass.experiment.sweep;

import java.util.Locale;

/** How one (point, seed) run of a sweep ended. */
public enum RunStatus {
    /** The run finished and was measured. */
    OK,
    /** etcd would refuse the point's settings (such as election timeout below 5 × heartbeat); nothing ran. */
    INVALID,
    /** The run failed; its error is recorded and the sweep went on. */
    ERROR;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
