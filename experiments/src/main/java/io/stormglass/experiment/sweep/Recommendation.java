package io.stormglass.experiment.sweep;

import java.util.List;

/**
 * The sweep's advice.
 *
 * @param chosen       the setting with the fastest failover among those within the spurious-change budget (null if none)
 * @param rejected     the setting with faster failover than {@code chosen} that came closest to the budget (null if none)
 * @param budgetPerHour the spurious-change budget used
 * @param worstFsyncMs the longest WAL fdatasync seen anywhere in the sweep (the stall a timeout must ride out)
 * @param checks       etcd's tuning rules applied to {@code chosen}
 * @param text         the advice in words, with its numbers
 */
public record Recommendation(PointResult chosen, PointResult rejected, double budgetPerHour, double worstFsyncMs,
        List<RuleCheck> checks, String text) {
    public Recommendation {
        checks = List.copyOf(checks);
    }
}
