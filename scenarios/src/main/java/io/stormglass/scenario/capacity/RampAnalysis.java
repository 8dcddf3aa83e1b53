package io.stormglass.scenario.capacity;

import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.Resource;
import java.util.List;
import java.util.Locale;

/**
 * What a ramp's steps say: the maximum sustainable throughput under the SLO, the knee of the
 * latency curve, and the resource that saturates.
 */
public final class RampAnalysis {
    /** Below this utilisation no resource counts as saturated. */
    static final double SATURATED = 0.5;
    /** A throttle taking this share of the I/O time, or a neighbour this share of the device's busy time, is the cause. */
    static final double DOMINANT_SHARE = 0.5;

    private RampAnalysis() {
    }

    /**
     * Highest achieved throughput of a step that meets the SLO, every lower step meeting it too (a
     * load that passes only above a failing one is not sustainable: a burst would cross the failing
     * region). 0 if the first step fails.
     */
    public static double maxSustainable(List<CapacityStep> steps) {
        double max = 0;
        for (CapacityStep s : steps) {
            if (!s.meetsSlo()) {
                break;
            }
            max = Math.max(max, s.achievedPerSecond());
        }
        return max;
    }

    /**
     * The knee of the latency curve (Satopää et al., "Finding a 'Kneedle' in a Haystack", 2011):
     * latency (the worse of put and get p99) against offered load, both scaled to 0..1; for a curve
     * that rises ever faster the knee is the point farthest below the chord from the first to the
     * last point, i.e. the largest {@code x − y}. Returns the knee's offered load, NaN with fewer
     * than three steps or a flat curve.
     */
    public static double knee(List<CapacityStep> steps) {
        if (steps.size() < 3) {
            return Double.NaN;
        }
        double x0 = steps.get(0).offeredPerSecond();
        double x1 = steps.get(steps.size() - 1).offeredPerSecond();
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (CapacityStep s : steps) {
            y0 = Math.min(y0, latency(s));
            y1 = Math.max(y1, latency(s));
        }
        if (!(x1 > x0) || !(y1 > y0)) {
            return Double.NaN;
        }
        double best = Double.NEGATIVE_INFINITY;
        double knee = Double.NaN;
        for (CapacityStep s : steps) {
            double x = (s.offeredPerSecond() - x0) / (x1 - x0);
            double y = (latency(s) - y0) / (y1 - y0);
            if (x - y > best) {
                best = x - y;
                knee = s.offeredPerSecond();
            }
        }
        return best > 0 ? knee : Double.NaN;
    }

    private static double latency(CapacityStep s) {
        double put = Double.isNaN(s.putP99Ms()) ? 0 : s.putP99Ms();
        double get = Double.isNaN(s.getP99Ms()) ? 0 : s.getP99Ms();
        return Math.max(put, get);
    }

    /** The step the attribution is made at: the first that misses the SLO, else the last. */
    public static CapacityStep attributionStep(List<CapacityStep> steps) {
        for (CapacityStep s : steps) {
            if (!s.meetsSlo()) {
                return s;
            }
        }
        return steps.get(steps.size() - 1);
    }

    /**
     * The saturated resource at {@code s}: the busiest of the WAL device, the data device, the
     * leader's busiest thread, its busiest link and a throttle (by the share of I/O time spent
     * waiting in it: a token bucket queues requests while the device behind it idles, so the
     * device's own busy time understates it); when a device wins, the throttle is named instead if
     * requests spent at least half their I/O time waiting in it, else a neighbour on the device if it
     * took at least half of the device's busy time. {@link Resource#NONE} if nothing
     * is at least half busy.
     */
    public static Resource bottleneck(CapacityStep s) {
        Resource top = Resource.NONE;
        double topUtil = SATURATED;
        for (Resource r : List.of(Resource.WAL_DEVICE, Resource.DATA_DEVICE, Resource.LEADER_CPU, Resource.NETWORK,
                Resource.THROTTLE)) {
            if (s.utilisationOf(r) >= topUtil) {
                top = r;
                topUtil = s.utilisationOf(r);
            }
        }
        if (top != Resource.WAL_DEVICE && top != Resource.DATA_DEVICE) {
            return top;
        }
        // a device counts as busy while its requests wait in the throttle in front of it
        if (s.utilisationOf(Resource.THROTTLE) >= DOMINANT_SHARE) {
            return Resource.THROTTLE;
        }
        return s.utilisationOf(Resource.NEIGHBOUR) >= DOMINANT_SHARE * topUtil ? Resource.NEIGHBOUR : top;
    }

    /** Why {@link #bottleneck} chose what it chose, with the figures. */
    public static String explain(CapacityStep s, Resource r) {
        String at = String.format(Locale.ROOT, "at %.0f/s offered", s.offeredPerSecond());
        String figures = String.format(Locale.ROOT, "WAL device %.0f %%, data device %.0f %%, leader CPU (busiest thread) %.0f %%, "
                + "network %.0f %%, throttle wait %.0f %% of I/O time, neighbour %.0f %% of device time",
                pct(s, Resource.WAL_DEVICE), pct(s, Resource.DATA_DEVICE), pct(s, Resource.LEADER_CPU), pct(s, Resource.NETWORK),
                pct(s, Resource.THROTTLE), pct(s, Resource.NEIGHBOUR));
        String why = switch (r) {
            case NONE -> "no resource is half busy: the SLO is missed on per-request latency (fdatasync or round trips)";
            case THROTTLE -> "most of the I/O time is spent waiting in the throttle in front of the device";
            case NEIGHBOUR -> "the device is busy and another workload takes most of its time";
            default -> r.label() + " is the busiest resource";
        };
        return why + " " + at + " (" + figures + ")";
    }

    private static double pct(CapacityStep s, Resource r) {
        return s.utilisationOf(r) * 100;
    }
}
