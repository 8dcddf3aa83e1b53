package io.stormglass.experiment.sweep;

/**
 * One row of {@code sweep.csv}: a (point, seed) run and how it ended.
 *
 * @param pointId     the point's id ({@code key=value,...})
 * @param seed        the run's seed
 * @param status      how it ended
 * @param heartbeatMs the point's heartbeat interval in ms (NaN if unknown)
 * @param electionMs  the point's election timeout in ms (NaN if unknown)
 * @param measured    what it measured (null unless {@link RunStatus#OK})
 * @param error       why it is invalid or failed (empty when OK)
 */
public record RunRow(String pointId, long seed, RunStatus status, double heartbeatMs, double electionMs,
        Measurements measured, String error) implements java.io.Serializable {
    /** The resume key: a (point, seed) is run at most once per {@code sweep.csv}. */
    public String key() {
        return key(pointId, seed);
    }

    public static String key(String pointId, long seed) {
        return pointId + "#" + seed;
    }
}
