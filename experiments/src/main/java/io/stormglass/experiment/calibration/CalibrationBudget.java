package io.stormglass.experiment.calibration;

/**
 * How much work a reference may do. {@link #QUICK} keeps the whole calibration to a few minutes
 * on two cores (trial counts cut, requests per benchmark row cut); {@link #FULL} uses the published
 * setups' own counts (the Raft paper's 1000 trials per range, etcd's 10 000 / 100 000 requests).
 *
 * @param full whether the published counts are used
 * @param jobs simulations run at once (one per thread)
 */
public record CalibrationBudget(boolean full, int jobs) {
    public CalibrationBudget {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
    }

    /** {@code published} when full, else {@code quick}. */
    public int count(int published, int quick) {
        return full ? published : Math.min(published, quick);
    }
}
