package io.stormglass.engine.probe;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Hits per probe in one run (or, merged, in a campaign). Not thread-safe: one per simulation.
 * Serializable (probes are enum constants, sent by name) so that a distributed engine's executor can
 * return a run's counts with its row: at most one entry per declared probe.
 */
public final class ProbeCounts implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private final LinkedHashMap<CoverageProbe, Long> hits = new LinkedHashMap<>();

    void add(CoverageProbe probe) {
        hits.merge(probe, 1L, Long::sum);
    }

    /** Hits of {@code probe} (0 if never hit). */
    public long hits(CoverageProbe probe) {
        return hits.getOrDefault(probe, 0L);
    }

    /** Whether {@code probe} was hit at least once. */
    public boolean hit(CoverageProbe probe) {
        return hits(probe) > 0;
    }

    /** The probes among {@code declared} that were never hit, in their order. */
    public List<CoverageProbe> neverHit(Collection<? extends CoverageProbe> declared) {
        return declared.stream().filter(p -> !hit(p)).map(p -> (CoverageProbe) p).toList();
    }

    /** Adds {@code other}'s hits to these. */
    public void addAll(ProbeCounts other) {
        other.hits.forEach((p, n) -> hits.merge(p, n, Long::sum));
    }
}
