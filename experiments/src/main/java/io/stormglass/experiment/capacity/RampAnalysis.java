package io.stormglass.experiment.capacity;

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

    /**
     * Least distance below the chord (in units of the scaled axes) that counts as a knee: a curve
     * that rises early and flattens, or a straight one, has none.
     */
    static final double MIN_BULGE = 0.1;

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
     * latency (the worse of put and get p99) against offered load, both scaled to 0..1 between the
     * first and the last step; for a curve that rises ever faster the knee is the point farthest
     * below the chord from the first to the last point, i.e. the largest {@code x − y}. The load axis
     * is logarithmic for a geometric ramp (the scale its steps are even on), and the latency is
     * replaced by its lower monotone envelope (the least latency at this load or above), so that the
     * noisy p99 of a low-rate step with few requests cannot pass for a bend. Returns the knee's
     * offered load, NaN with fewer than three steps, a curve that does not rise, or no point at least
     * {@link #MIN_BULGE} below the chord.
     */
    public static double knee(List<CapacityStep> steps, boolean logLoad) {
        int n = steps.size();
        if (n < 3) {
            return Double.NaN;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double floor = Double.POSITIVE_INFINITY;
        for (int i = n - 1; i >= 0; i--) {
            double load = steps.get(i).offeredPerSecond();
            x[i] = logLoad ? StrictMath.log(load) : load;
            floor = Math.min(floor, latency(steps.get(i)));
            y[i] = floor;
        }
        if (!(x[n - 1] > x[0]) || !(y[n - 1] > y[0])) {
            return Double.NaN; // the curve does not rise from its first point to its last
        }
        double best = Double.NEGATIVE_INFINITY;
        double knee = Double.NaN;
        for (int i = 1; i < n - 1; i++) {
            double bulge = (x[i] - x[0]) / (x[n - 1] - x[0]) - (y[i] - y[0]) / (y[n - 1] - y[0]);
            if (bulge > best) {
                best = bulge;
                knee = steps.get(i).offeredPerSecond();
            }
        }
        return best >= MIN_BULGE ? knee : Double.NaN;
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
     * device's own busy time understates it); when a device wins, a neighbour on it is named instead
     * if it took at least half of the device's busy time (behind a shared throttle it is what uses up
     * the budget), else the throttle if requests spent at least half their I/O time waiting in it. {@link Resource#NONE} if nothing
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
        // the neighbour first: behind a shared throttle it is the one using up the throttle's budget
        if (s.utilisationOf(Resource.NEIGHBOUR) >= DOMINANT_SHARE * topUtil) {
            return Resource.NEIGHBOUR;
        }
        // a device counts as busy while its requests wait in the throttle in front of it
        return s.utilisationOf(Resource.THROTTLE) >= DOMINANT_SHARE ? Resource.THROTTLE : top;
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
