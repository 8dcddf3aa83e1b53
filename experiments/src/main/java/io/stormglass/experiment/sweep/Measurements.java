package io.stormglass.experiment.sweep;

/**
 * What one finished run of a sweep measured. Rates are per simulated time after the initial election.
 *
 * @param simulatedSeconds     simulated duration of the main run
 * @param wallSeconds          wall time of the main run and its failover trials
 * @param events               events the main run dispatched
 * @param fingerprint          the main run's fingerprint
 * @param leaderChanges        leader changes after the first leader
 * @param spuriousChanges      of which the previous leader had not crashed
 * @param spuriousPerHour      spurious changes per simulated hour
 * @param unavailableSeconds   time without a leader known to a majority, the initial election excluded
 * @param unavailableSecondsPerDay the same scaled to a day
 * @param requests             client requests
 * @param errors               failed client requests
 * @param putP99Ms             put p99 (0 if none)
 * @param getP99Ms             linearizable get p99 (0 if none)
 * @param walFsyncMaxMs        longest WAL fdatasync of any member
 * @param rttMs                round trip of the slowest member pair (median each way; 0 if not recorded)
 * @param failoverMs           each failover trial's time in ms, in trial order; infinite for a trial without a new leader
 */
public record Measurements(double simulatedSeconds, double wallSeconds, long events, String fingerprint, int leaderChanges,
        int spuriousChanges, double spuriousPerHour, double unavailableSeconds, double unavailableSecondsPerDay,
        long requests, long errors, double putP99Ms, double getP99Ms, double walFsyncMaxMs, double rttMs,
        double[] failoverMs) implements java.io.Serializable {
    public Measurements {
        failoverMs = failoverMs.clone();
    }

    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    @Override
    public double[] failoverMs() {
        return failoverMs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Measurements m && java.util.Arrays.equals(failoverMs, m.failoverMs)
                && toString().equals(m.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "Measurements[" + fingerprint + ", changes=" + leaderChanges + "/" + spuriousChanges + ", unavailable="
                + unavailableSeconds + ", requests=" + requests + "/" + errors + ", p99=" + putP99Ms + "/" + getP99Ms
                + ", fsyncMax=" + walFsyncMaxMs + ", rtt=" + rttMs + ", failover=" + java.util.Arrays.toString(failoverMs) + "]";
    }
}
